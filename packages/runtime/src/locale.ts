import Negotiator from 'negotiator';

/**
 * Picks the best of `available` for an `Accept-Language` header: q-values,
 * `fr-CA` → `fr`, `zh` → `zh-TW`, `*`. A missing, empty or unusable header
 * yields `fallback` (by default the first available locale).
 */
export function negotiateLocale(acceptLanguage: string | readonly string[] | null | undefined, available: readonly string[], fallback?: string): string {
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : '';
  const negotiator = header.trim() === '' ? undefined : new Negotiator({ headers: { 'accept-language': header } });
  const chosen = negotiator?.language(available) ?? (negotiator ? sameScript(negotiator.languages(), available) : undefined);
  const result = chosen ?? fallback ?? available[0];
  if (result === undefined) throw new TypeError('negotiateLocale needs at least one available locale');
  return result;
}

/**
 * A locale a caller asked for by name (`fr`, `FR`, `fr-CA`), as one of
 * `available`; anything unknown yields `fallback`.
 */
export function matchLocale(requested: string | undefined, available: readonly string[], fallback: string): string {
  if (requested === undefined) return fallback;
  if (available.includes(requested)) return requested;
  const lower = requested.toLowerCase();
  return available.find((locale) => locale.toLowerCase() === lower) ?? negotiateLocale(requested, available, fallback);
}

/**
 * Tags that name a script (`zh-Hant-TW`, `zh-Hant`, `zh-HK`) match the
 * available locale written in that script (`zh-TW`), which prefix matching
 * cannot see. Requested tags are tried in the client's order of preference.
 */
function sameScript(requested: readonly string[], available: readonly string[]): string | undefined {
  const expanded = available.flatMap((locale) => {
    const full = maximize(locale);
    return full ? [{ locale, full }] : [];
  });
  for (const tag of requested) {
    const full = maximize(tag);
    if (!full) continue;
    const matches = expanded.filter((candidate) => candidate.full.language === full.language && candidate.full.script === full.script);
    const best = matches.find((candidate) => candidate.full.region === full.region) ?? matches[0];
    if (best) return best.locale;
  }
  return undefined;
}

// Expanding a tag costs ICU tens of microseconds, and the same few tags come
// back all the time (a catalog's own locales at every negotiation that falls
// through to here); tags come from clients, so only so many are kept.
const maximized = new Map<string, Intl.Locale | undefined>();
const MAX_MAXIMIZED = 256;

function maximize(tag: string): Intl.Locale | undefined {
  if (maximized.has(tag)) return maximized.get(tag);
  let full: Intl.Locale | undefined;
  try {
    full = new Intl.Locale(tag).maximize();
  } catch {
    full = undefined;
  }
  if (maximized.size < MAX_MAXIMIZED) maximized.set(tag, full);
  return full;
}
