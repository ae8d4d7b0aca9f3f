// The normalized catalog every target reads: typed, sorted, frozen. Targets
// know this model and nothing of YAML, files or positions beyond `origin`.

import type { EmbeddedWireFormat, ParamType, TargetName, WireFormat } from '../spec/raw-spec.js';

export type { EmbeddedWireFormat, ParamType, TargetName, WireFormat };

/** Text per locale, keys sorted; always holds the default locale. */
export type Localized = Readonly<Record<string, string>>;

/** Where an entry was written: its spec file and its path in that file (`categories.BadArgument.codes.UnknownError`). */
export interface Origin {
  readonly file: string;
  readonly path: string;
}

export interface Catalog {
  readonly settings: Settings;
  /** Sorted by id. */
  readonly services: readonly Service[];
}

/** Where a target's package goes and what it is called; known for every target, enabled or not. */
export interface PackageLayout {
  /** Full npm name: `@azure-errors/codes`. */
  readonly name: string;
  /** Folder relative to the project root, POSIX separators: `packages/codes`. */
  readonly dir: string;
}

/** What every generated package.json says about its origin; only what the spec gives. */
export interface PackageMetadata {
  readonly license?: string;
  readonly author?: string;
  readonly repository?: string;
  readonly homepage?: string;
}

export interface Settings {
  readonly scope: string;
  readonly packages: Readonly<Record<TargetName, PackageLayout>>;
  readonly metadata: PackageMetadata;
  /** Base of every JSON Schema `$id`: the spec's, or a `urn:errcat:` name that claims no host. */
  readonly jsonSchemaIdBase: string;
  /** In the fixed order codes, openapi, json-schema, express, fastify, docs. */
  readonly targets: readonly TargetName[];
  readonly defaultLocale: string;
  /** Sorted, default locale first. */
  readonly locales: readonly string[];
  readonly enumStyle: 'enum' | 'const-object';
}

export interface Param {
  readonly name: string;
  readonly type: ParamType;
  /** Position for `{0}`-style placeholders. */
  readonly index: number;
  readonly description?: string;
}

export interface Variant {
  readonly when: string;
  readonly status: number;
  readonly message: Localized;
}

/** A code answered as an HTTP response. */
export interface ErrorCode {
  /** The code as it appears on the wire. */
  readonly name: string;
  /** Unique within the service: `Category/Code` for codes under a category, else the name. */
  readonly key: string;
  /** The category (rest-guidelines services), whose name is `error.code` on the wire. */
  readonly category?: string;
  /** The default status: the code's own, its first variant's, or its category's. */
  readonly status: number;
  /** Every status it can answer with, ascending. */
  readonly statuses: readonly number[];
  /** Present when one code answers differently by situation; the first is the default. */
  readonly variants: readonly Variant[];
  /** The default variant's message, or the category's when the code has none. */
  readonly message: Localized;
  readonly messageFromCategory: boolean;
  readonly params: readonly Param[];
  /** Key of the documented section it is listed in (flat services with `sections`). */
  readonly section?: string;
  readonly alsoIn: readonly string[];
  readonly note?: string;
  readonly origin: Origin;
}

/** A documented group of codes, as the source pages head it. */
export interface Section {
  readonly key: string;
  readonly title: Localized;
  readonly description?: Localized;
  /** The source pages' section id; absent: the docs make one from the key. */
  readonly anchor?: string;
  /** Keys of its codes in the order the spec writes them (the order of the source's table). */
  readonly codes: readonly string[];
  readonly origin: Origin;
}

/** How the docs head an embedded set. */
export interface SetHeading {
  readonly title: Localized;
  readonly description?: Localized;
  readonly anchor?: string;
}

export interface Category {
  readonly name: string;
  readonly title: string;
  readonly status: number;
  readonly anchor?: string;
  readonly message: Localized;
  readonly description?: Localized;
  /** Names of its codes, sorted. */
  readonly codes: readonly string[];
  readonly origin: Origin;
}

export interface Failures {
  readonly internal: CodeRef;
  readonly malformedBody: CodeRef;
  readonly bodyTooLarge: CodeRef;
  readonly notFound: CodeRef;
  readonly validation: CodeRef;
  /** Errors of other libraries by their HTTP status (`"401"`), ascending; absent when the spec maps none. */
  readonly statuses?: Readonly<Record<string, CodeRef>>;
}

/** A resolved reference: a code (by key), or a category alone. */
export type CodeRef = { readonly kind: 'code'; readonly key: string } | { readonly kind: 'category'; readonly category: string };

export interface EmbeddedCategory {
  /** The wire value (`usererror`). */
  readonly name: string;
  readonly title: string;
  readonly description?: Localized;
  /** Position among the set's categories as written (0-based): the source's order, for the docs. */
  readonly order: number;
  readonly origin: Origin;
}

export interface EmbeddedCode {
  readonly name: string;
  readonly category: string;
  readonly reportedIn: readonly string[];
  /** Position among the set's codes as written (0-based, category by category): the source's order, for the docs. */
  readonly order: number;
  readonly message: Localized;
  readonly params: readonly Param[];
  readonly alsoIn: readonly string[];
  readonly note?: string;
  readonly origin: Origin;
}

/** Errors reported inside resources rather than as responses. */
export interface EmbeddedSet {
  readonly name: string;
  readonly title: string;
  /** The docs' heading for the set, when the spec gives one. */
  readonly section?: SetHeading;
  readonly wireFormat: EmbeddedWireFormat;
  /** Sorted by name. */
  readonly categories: readonly EmbeddedCategory[];
  /** Sorted by name. */
  readonly codes: readonly EmbeddedCode[];
}

export interface Source {
  readonly title: string;
  readonly locale: string;
  readonly date?: string;
}

export interface Service {
  readonly id: string;
  /** PascalCase prefix of generated TypeScript names. */
  readonly name: string;
  readonly title: string;
  readonly description?: Localized;
  readonly wireFormat: WireFormat;
  /**
   * The response header repeating the body's top-level code (`x-ms-error-code`):
   * the category for rest-guidelines, the code otherwise. Absent: none is sent.
   */
  readonly errorCodeHeader?: string;
  /** Base of problem details' `type` (+ the code); absent: `about:blank`. */
  readonly problemTypeBase?: string;
  /** Sorted, default locale first. */
  readonly locales: readonly string[];
  readonly defaultLocale: string;
  /** The tag sent on the wire for a locale where it differs from the locale (`en` → `en-US`), keys sorted. */
  readonly languageTags: Readonly<Record<string, string>>;
  readonly sources: readonly Source[];
  readonly failures: Failures;
  /** Sorted by name; empty unless the wire format is rest-guidelines. */
  readonly categories: readonly Category[];
  /** Sorted by key. */
  readonly codes: readonly ErrorCode[];
  /** Documented sections of a flat service, in the order written; empty when the spec has none. */
  readonly sections: readonly Section[];
  readonly embedded?: EmbeddedSet;
  readonly origin: Origin;
}
