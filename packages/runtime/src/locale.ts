import Negotiator from 'negotiator';

/**
 * Picks the best of `available` for an `Accept-Language` header: q-values,
 * `fr-CA` → `fr`, `zh` → `zh-TW`, `*`. A missing, empty or unusable header
 * yields `fallback` (by default the first available locale).
 */
export function negotiateLocale(acceptLanguage: string | readonly string[] | null | undefined, available: readonly string[], fallback?: string): string {
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : '';
  const chosen = header.trim() === '' ? undefined : new Negotiator({ headers: { 'accept-language': header } }).language(available);
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
