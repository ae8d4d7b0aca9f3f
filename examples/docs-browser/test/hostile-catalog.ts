// A catalog whose text tries everything against the pages: markup and script
// that would run if written unescaped, a `</script>` that would end the data
// block, table pipes, line breaks, Handlebars mustaches, U+2028.

export const HOSTILE = '</script><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> a | b || c {{title}} \u2028 <!-- end';
export const HOSTILE_KO = '한국어 </script><svg onload="window.__pwned=3"> | 파이프';
export const MULTILINE = 'first line\nsecond | line\n\nthird *line*';

const yamlString = (text: string) => JSON.stringify(text);

export const HOSTILE_SPEC: Record<string, string> = {
  'errcat.yaml': `settings:
  scope: "@hostile"
  targets: [docs]
  locales:
    default: en
    supported: [en, ko]
`,
  'shop.yaml': `service:
  id: shop
  name: Shop
  title: ${yamlString('Shop <b>API</b> & "friends"')}
  wireFormat: problem-details
  locales: [en, ko]
  failures:
    internal: InternalError
    malformedBody: Hostile
    bodyTooLarge: Hostile
    notFound: Multiline
    validation: Hostile
codes:
  Hostile:
    status: 400
    message:
      en: ${yamlString(HOSTILE)}
      ko: ${yamlString(HOSTILE_KO)}
  Multiline:
    status: 404
    message:
      en: ${yamlString(MULTILINE)}
  InternalError:
    status: 500
    message:
      en: The server encountered an internal error.
`,
  'legacy.yaml': `service:
  id: legacy
  name: Legacy
  title: Legacy API
  wireFormat: rest-guidelines
  locales: [en]
  failures:
    internal: Down
    malformedBody: Broken/Pipe
    bodyTooLarge: Broken/Pipe
    notFound: Broken/Pipe
    validation: Broken/Pipe
categories:
  Down:
    status: 500
    message:
      en: The service is down.
  Broken:
    status: 400
    message:
      en: ${yamlString(HOSTILE)}
    description:
      en: ${yamlString(MULTILINE)}
    codes:
      Pipe:
        message:
          en: ${yamlString('a|b\\|c')}
`,
};
