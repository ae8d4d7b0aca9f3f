// TypeScript view of `schema/spec.schema.json`: what a spec file holds once
// it has passed the structural check. A test walks the schema and the
// normalizer together so that the two cannot drift apart.

export type LocalizedText = Record<string, string>;

export type TargetName = 'codes' | 'openapi' | 'json-schema' | 'express' | 'fastify' | 'docs';
export type WireFormat = 'rest-guidelines' | 'batch' | 'problem-details';
export type EmbeddedWireFormat = 'batch-scheduling';
export type ParamType = 'string' | 'number' | 'integer';

export interface RawPackageSetting {
  name?: string;
  dir?: string;
}

export interface RawPackageMetadata {
  license?: string;
  author?: string;
  repository?: string;
  homepage?: string;
}

export interface RawSettings {
  scope: string;
  output?: string;
  packages?: Partial<Record<TargetName, RawPackageSetting>>;
  package?: RawPackageMetadata;
  jsonSchema?: { idBase?: string };
  targets: TargetName[];
  locales: { default: string; supported: string[] };
  typescript?: { enumStyle?: 'enum' | 'const-object' };
}

export interface RawFailures {
  internal: string;
  malformedBody: string;
  bodyTooLarge: string;
  notFound: string;
  validation: string;
  /** Errors of other libraries by their HTTP status (`"401"`), each answered with a code of its status class. */
  statuses?: Record<string, string>;
}

export interface RawSource {
  title: string;
  locale: string;
  date?: string;
}

export interface RawService {
  id: string;
  name: string;
  title: string;
  description?: LocalizedText;
  wireFormat: WireFormat;
  errorCodeHeader?: string;
  problemTypeBase?: string;
  locales?: string[];
  languageTags?: Record<string, string>;
  sources?: RawSource[];
  failures: RawFailures;
}

export interface RawParam {
  name: string;
  type: ParamType;
  description?: string;
}

export interface RawDetailCode {
  status?: number;
  message?: LocalizedText;
  params?: RawParam[];
  alsoIn?: string[];
  note?: string;
}

export interface RawEmbeddedCode {
  message: LocalizedText;
  params?: RawParam[];
  reportedIn: string[];
  alsoIn?: string[];
  note?: string;
}

export interface RawCategory {
  status?: number;
  anchor?: string;
  title?: string;
  message: LocalizedText;
  description?: LocalizedText;
  codes?: Record<string, RawDetailCode>;
}

/** A documented group of codes: the heading, prose and anchor of a section of the source pages. */
export interface RawSection {
  title: LocalizedText;
  description?: LocalizedText;
  anchor?: string;
}

export interface RawVariant {
  status: number;
  when: string;
  message: LocalizedText;
}

export interface RawHttpCode {
  status?: number;
  message?: LocalizedText;
  params?: RawParam[];
  variants?: RawVariant[];
  /** Key of the service's `sections` entry the docs list it under. */
  section?: string;
  alsoIn?: string[];
  note?: string;
}

export interface RawEmbeddedCategory {
  title?: string;
  description?: LocalizedText;
  codes?: Record<string, RawEmbeddedCode>;
}

export interface RawEmbedded {
  name: string;
  title: string;
  /** How the docs head the set; categories and codes keep the order written. */
  section?: RawSection;
  wireFormat: EmbeddedWireFormat;
  categories: Record<string, RawEmbeddedCategory>;
}

export interface RawSpecFile {
  settings?: RawSettings;
  service?: RawService;
  categories?: Record<string, RawCategory>;
  /** In the order written: the order the docs show them. */
  sections?: Record<string, RawSection>;
  codes?: Record<string, RawHttpCode>;
  embedded?: RawEmbedded;
}
