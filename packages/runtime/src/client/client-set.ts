// The facts a client needs to read an answer back: which codes and
// categories exist, their statuses, the locales. No messages: a browser
// bundle pays for codes, not for every message in every locale. The full
// `ErrorSet` the server answers from is one of these too, so client and
// server read the same data.

import type { WireFormat } from '../catalog.js';

export interface ClientCategory {
  readonly name: string;
  readonly status?: number | undefined;
  /** rest-guidelines: the category is answered alone (no `details`). Implied by `message` in a full `ErrorSet`. */
  readonly alone?: boolean | undefined;
  readonly message?: unknown;
}

export interface ClientVariant {
  readonly when: string;
  readonly status: number;
}

export interface ClientCode {
  readonly name: string;
  readonly category?: string | undefined;
  readonly status?: number | undefined;
  readonly variants?: readonly ClientVariant[] | undefined;
}

export interface ClientErrorSet {
  readonly id: string;
  readonly wireFormat: WireFormat;
  readonly defaultLocale: string;
  readonly locales: readonly string[];
  readonly languageTags?: Readonly<Record<string, string>> | undefined;
  readonly categories: Readonly<Record<string, ClientCategory>>;
  /** Keyed like `ErrorSet.codes`: `Category/Name` for codes in a category, else the name. */
  readonly codes: Readonly<Record<string, ClientCode>>;
  /** The response header repeating the body's top-level code (`x-ms-error-code`), lower-case. */
  readonly errorCodeHeader?: string | undefined;
}
