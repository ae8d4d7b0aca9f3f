// Synthetic catalogs shaped like the seed catalog (half category-scoped codes
// as in ML Studio, half flat HTTP codes as in Batch), every message in four
// locales with a placeholder, for measuring how loading scales.

const LOCALES = ['en', 'zh-TW', 'fr', 'ko'] as const;
const CODES_PER_CATEGORY = 50;

const settings = `settings:
  scope: "@bench"
  targets: [codes, openapi, json-schema, express, fastify]
  locales:
    default: en
    supported: [${LOCALES.join(', ')}]
`;

function messages(indent: string, code: string): string {
  return LOCALES.map((locale) => `${indent}${locale}: "${locale} message for ${code}: {0} could not be processed; check it and try again."`).join('\n');
}

function categoryService(count: number): string {
  const lines = [
    'service:',
    '  id: synthetic-categories',
    '  name: SyntheticCategories',
    '  title: Synthetic category-scoped service',
    '  wireFormat: rest-guidelines',
    `  locales: [${LOCALES.join(', ')}]`,
    '  failures:',
    '    internal: Category1',
    '    malformedBody: Category0/Code0',
    '    bodyTooLarge: Category0/Code0',
    '    notFound: Category0/Code0',
    '    validation: Category0/Code0',
    'categories:',
  ];
  const categories = Math.ceil(count / CODES_PER_CATEGORY);
  let written = 0;
  for (let category = 0; category < categories; category++) {
    const status = category % 2 === 0 ? 400 : 500;
    lines.push(`  Category${category}:`, `    status: ${status}`, '    message:', messages('      ', `Category${category}`).replace(/ \{0\}/g, ''), '    codes:');
    for (let index = 0; index < CODES_PER_CATEGORY && written < count; index++, written++) {
      const code = `Code${written}`;
      lines.push(`      ${code}:`, '        message:', messages('          ', code), '        params:', '          - name: value', '            type: string');
    }
  }
  return `${lines.join('\n')}\n`;
}

function flatService(count: number): string {
  const lines = [
    'service:',
    '  id: synthetic-flat',
    '  name: SyntheticFlat',
    '  title: Synthetic flat service',
    '  wireFormat: batch',
    `  locales: [${LOCALES.join(', ')}]`,
    '  failures:',
    '    internal: Flat1',
    '    malformedBody: Flat0',
    '    bodyTooLarge: Flat0',
    '    notFound: Flat0',
    '    validation: Flat0',
    'codes:',
  ];
  for (let index = 0; index < count; index++) {
    const code = `Flat${index}`;
    lines.push(`  ${code}:`, `    status: ${index % 2 === 0 ? 400 : 500}`, '    message:', messages('      ', code), '    params:', '      - name: value', '        type: string');
  }
  return `${lines.join('\n')}\n`;
}

/** Spec files (name → text) holding `codes` codes in all, four locales each. */
export function syntheticSpec(codes: number): Record<string, string> {
  const half = Math.floor(codes / 2);
  return {
    'errcat.yaml': settings,
    'synthetic-categories.yaml': categoryService(half),
    'synthetic-flat.yaml': flatService(codes - half),
  };
}
