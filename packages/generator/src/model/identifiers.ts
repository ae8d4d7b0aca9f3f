// How code names become TypeScript identifiers. The validator and the
// TypeScript target share this so a collision is caught before generation.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `Pool-Not.Found` → `Pool_Not_Found`; `404Thing` → `_404Thing`. */
export function toIdentifier(name: string): string {
  if (IDENTIFIER.test(name)) return name;
  const replaced = name.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(replaced) ? `_${replaced}` : replaced;
}
