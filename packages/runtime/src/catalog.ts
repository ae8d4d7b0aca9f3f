// The data a generated package hands to the runtime: one error set per
// service (or per set of embedded errors). Plain JSON, so it can be printed,
// shipped to a browser or compared with the other targets' output.

export type WireFormat = 'rest-guidelines' | 'batch' | 'problem-details' | 'batch-scheduling';
export type ParamType = 'string' | 'number' | 'integer';

/** Text per locale; always holds the set's default locale. */
export type Messages = Readonly<Record<string, string>>;

export interface CatalogParam {
  readonly name: string;
  readonly type: ParamType;
  readonly description?: string;
}

export interface CatalogVariant {
  /** The situation the variant answers (`read`, `write`). */
  readonly when: string;
  readonly status: number;
  readonly message: Messages;
}

export interface CatalogCode {
  /** The code as it appears on the wire. */
  readonly name: string;
  /** The category the code belongs to (`error.code` for rest-guidelines, `category` for embedded errors). */
  readonly category?: string;
  /** The default status (absent for embedded errors, which are not responses). */
  readonly status?: number;
  /** Every status the code answers with, ascending. */
  readonly statuses?: readonly number[];
  /** The default variant's message, or the category's when the code has none of its own. */
  readonly message: Messages;
  readonly messageFromCategory?: boolean;
  /** Present when one code answers differently by situation; the first is the default. */
  readonly variants?: readonly CatalogVariant[];
  /** `{0}` in a message is `params[0]`. */
  readonly params: readonly CatalogParam[];
}

export interface CatalogCategory {
  /** The category as it appears on the wire. */
  readonly name: string;
  readonly title: string;
  readonly status?: number;
  readonly message?: Messages;
}

/** Situations a framework adapter answers with a catalog code. */
export type FailureKind = 'internal' | 'malformedBody' | 'bodyTooLarge' | 'notFound' | 'validation';

export const FAILURE_KINDS: readonly FailureKind[] = ['internal', 'malformedBody', 'bodyTooLarge', 'notFound', 'validation'];

/** A code (by key) or a category alone. */
export type FailureRef = { readonly kind: 'code'; readonly key: string } | { readonly kind: 'category'; readonly category: string };

/**
 * Everything the runtime knows about one family of errors. `codes` is keyed
 * by `Category/Name` for codes that belong to a category, else by name.
 */
export interface ErrorSet<Key extends string = string, Category extends string = string> {
  /** `ml-studio`, `batch`, `batch-scheduling`. */
  readonly id: string;
  /** Identity shared by every copy of the generated package: `@azure-errors/codes#batch`. */
  readonly brand: string;
  /** The generated class's name, used as `error.name`. */
  readonly errorName: string;
  readonly wireFormat: WireFormat;
  readonly defaultLocale: string;
  /** Default locale first. */
  readonly locales: readonly string[];
  /** The tag the service sends for a locale where it differs from the locale (Batch's `message.lang`: `en` → `en-US`). */
  readonly languageTags?: Readonly<Record<string, string>>;
  readonly categories: Readonly<Record<Category, CatalogCategory>>;
  readonly codes: Readonly<Record<Key, CatalogCode>>;
  /** Codes for framework failures; present for sets answered over HTTP. */
  readonly failures?: Readonly<Record<FailureKind, FailureRef>>;
  /**
   * The response header that repeats the body's top-level code
   * (`x-ms-error-code`), lower-case; absent when the service sends none.
   * Its value is `error.code` (the category) for rest-guidelines, `code`
   * for the other formats: see `errorCodeHeaderValue`.
   */
  readonly errorCodeHeader?: string;
  /**
   * Base of problem details' `type` (`https://errors.example.com/ledger/` +
   * code), from the spec; it wins over an adapter's `problemTypeBase`.
   */
  readonly problemTypeBase?: string;
}

/** The key a code is filed under in `ErrorSet.codes`. */
export function codeKey(name: string, category: string | undefined): string {
  return category === undefined ? name : `${category}/${name}`;
}
