// Names of schemas as they appear in `components.schemas`, `$defs` and the
// TypeScript types: OpenAPI allows only `[A-Za-z0-9._-]` in component names.

/** Joins PascalCase parts into a component name, replacing characters OpenAPI does not allow. */
export function componentName(...parts: string[]): string {
  return parts
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
    .replace(/[^A-Za-z0-9._-]/g, '_');
}

/** `MlStudioError` → `ml-studio-error`, the stem of the schema's file name. */
export function fileStem(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .toLowerCase();
}
