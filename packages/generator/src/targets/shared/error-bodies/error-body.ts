import type { NamedSchema } from './json-schema.js';

/** One error body: its top-level schema and the named parts it refers to. */
export interface ErrorBody {
  /** The body's schema name (`BatchError`), also the first of `schemas`. */
  readonly name: string;
  readonly title: string;
  /** The body first, then its parts. */
  readonly schemas: readonly NamedSchema[];
}
