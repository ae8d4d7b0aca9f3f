export { compileTemplate, parseTemplate, placeholdersOf } from './template.js';
export type { CompiledTemplate, MessageParams, ParsedTemplate, TemplatePart, TemplateProblem } from './template.js';
