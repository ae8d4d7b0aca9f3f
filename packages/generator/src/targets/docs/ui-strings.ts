// The words of the docs pages themselves (headings, labels, buttons), in the
// languages errcat knows; a catalog locale errcat has no words for gets the
// English ones (`fr-CA` takes `fr`'s). `{…}` marks a value filled in later.

export interface UiStrings {
  /** The language's own name, for the language switch. */
  readonly language: string;
  readonly pageTitle: string;
  readonly skip: string;
  readonly intro: string;
  readonly search: string;
  readonly searchHint: string;
  readonly status: string;
  readonly category: string;
  readonly service: string;
  readonly languageLabel: string;
  readonly all: string;
  readonly notHttp: string;
  readonly code: string;
  readonly message: string;
  readonly link: string;
  /** `{shown}` of `{total}`. */
  readonly count: string;
  readonly none: string;
  readonly example: string;
  readonly native: string;
  readonly problem: string;
  readonly copy: string;
  readonly copyProblem: string;
  readonly copied: string;
  readonly close: string;
  readonly categoryMessage: string;
  readonly markdownPages: string;
  // The Markdown pages.
  readonly errorCode: string;
  readonly userMessage: string;
  readonly httpStatusCode: string;
  readonly description: string;
  readonly httpCodes: string;
  /** A table of embedded codes reported in {resource}. */
  readonly reportedIn: string;
}

const en: UiStrings = {
  language: 'English',
  skip: 'Skip to the codes',
  pageTitle: 'Error codes',
  intro: 'Every error code, with its status, category and message. Filter the list, pick a code to see and copy its exact wire body.',
  search: 'Search',
  searchHint: 'Code, message or category. Press / to search.',
  status: 'Status',
  category: 'Category',
  service: 'Service',
  languageLabel: 'Language',
  all: 'All',
  notHttp: 'not an HTTP response',
  code: 'Code',
  message: 'Message',
  link: 'Link',
  count: '{shown} of {total} codes',
  none: 'No code matches.',
  example: 'Example',
  native: 'Wire body',
  problem: 'Problem details (application/problem+json)',
  copy: 'Copy JSON',
  copyProblem: 'Copy problem details',
  copied: 'Copied to the clipboard.',
  close: 'Close',
  categoryMessage: 'answers with its category’s message',
  markdownPages: 'Pages',
  errorCode: 'Error code',
  userMessage: 'User message',
  httpStatusCode: 'HTTP status code',
  description: 'Description',
  httpCodes: 'Error codes',
  reportedIn: 'Error codes reported in {resource}',
};

const fr: UiStrings = {
  language: 'Français',
  skip: 'Aller aux codes',
  pageTitle: 'Codes d’erreur',
  intro: 'Tous les codes d’erreur, avec leur statut, leur catégorie et leur message. Filtrez la liste, choisissez un code pour voir et copier le corps exact de la réponse.',
  search: 'Rechercher',
  searchHint: 'Code, message ou catégorie. Appuyez sur / pour rechercher.',
  status: 'Statut',
  category: 'Catégorie',
  service: 'Service',
  languageLabel: 'Langue',
  all: 'Tous',
  notHttp: 'pas une réponse HTTP',
  code: 'Code',
  message: 'Message',
  link: 'Lien',
  count: '{shown} codes sur {total}',
  none: 'Aucun code ne correspond.',
  example: 'Exemple',
  native: 'Corps de la réponse',
  problem: 'Problem details (application/problem+json)',
  copy: 'Copier le JSON',
  copyProblem: 'Copier le problem details',
  copied: 'Copié dans le presse-papiers.',
  close: 'Fermer',
  categoryMessage: 'répond avec le message de sa catégorie',
  markdownPages: 'Pages',
  errorCode: 'Code d’erreur',
  userMessage: 'Message utilisateur',
  httpStatusCode: 'code d’état HTTP',
  description: 'Description',
  httpCodes: 'Codes d’erreur',
  reportedIn: 'Codes d’erreur signalés dans {resource}',
};

const ko: UiStrings = {
  language: '한국어',
  skip: '코드로 건너뛰기',
  pageTitle: '오류 코드',
  intro: '모든 오류 코드와 상태, 범주, 메시지입니다. 목록을 필터링하고 코드를 선택하면 정확한 응답 본문을 보고 복사할 수 있습니다.',
  search: '검색',
  searchHint: '코드, 메시지 또는 범주. / 키를 눌러 검색합니다.',
  status: '상태',
  category: '범주',
  service: '서비스',
  languageLabel: '언어',
  all: '전체',
  notHttp: 'HTTP 응답 아님',
  code: '코드',
  message: '메시지',
  link: '링크',
  count: '{total}개 중 {shown}개 코드',
  none: '일치하는 코드가 없습니다.',
  example: '예제',
  native: '응답 본문',
  problem: 'Problem details (application/problem+json)',
  copy: 'JSON 복사',
  copyProblem: 'Problem details 복사',
  copied: '클립보드에 복사했습니다.',
  close: '닫기',
  categoryMessage: '범주의 메시지로 응답합니다',
  markdownPages: '페이지',
  errorCode: '오류 코드',
  userMessage: '사용자 메시지',
  httpStatusCode: 'HTTP 상태 코드',
  description: '설명',
  httpCodes: '오류 코드',
  reportedIn: '{resource}에서 보고되는 오류 코드',
};

const zhTW: UiStrings = {
  language: '繁體中文',
  skip: '跳至錯誤碼',
  pageTitle: '錯誤碼',
  intro: '所有錯誤碼及其狀態、類別與訊息。篩選清單，選擇錯誤碼即可檢視並複製確切的回應本文。',
  search: '搜尋',
  searchHint: '錯誤碼、訊息或類別。按 / 開始搜尋。',
  status: '狀態',
  category: '類別',
  service: '服務',
  languageLabel: '語言',
  all: '全部',
  notHttp: '非 HTTP 回應',
  code: '錯誤碼',
  message: '訊息',
  link: '連結',
  count: '{total} 個錯誤碼中的 {shown} 個',
  none: '沒有符合的錯誤碼。',
  example: '範例',
  native: '回應本文',
  problem: 'Problem details (application/problem+json)',
  copy: '複製 JSON',
  copyProblem: '複製 problem details',
  copied: '已複製到剪貼簿。',
  close: '關閉',
  categoryMessage: '以其類別的訊息回應',
  markdownPages: '頁面',
  errorCode: '錯誤碼',
  userMessage: '使用者訊息',
  httpStatusCode: 'HTTP 狀態碼',
  description: '描述',
  httpCodes: '錯誤碼',
  reportedIn: '於 {resource} 中回報的錯誤碼',
};

const de: UiStrings = {
  language: 'Deutsch',
  skip: 'Zu den Codes springen',
  pageTitle: 'Fehlercodes',
  intro: 'Alle Fehlercodes mit Status, Kategorie und Meldung. Filtern Sie die Liste und wählen Sie einen Code, um den genauen Antworttext zu sehen und zu kopieren.',
  search: 'Suchen',
  searchHint: 'Code, Meldung oder Kategorie. Mit / suchen.',
  status: 'Status',
  category: 'Kategorie',
  service: 'Dienst',
  languageLabel: 'Sprache',
  all: 'Alle',
  notHttp: 'keine HTTP-Antwort',
  code: 'Code',
  message: 'Meldung',
  link: 'Link',
  count: '{shown} von {total} Codes',
  none: 'Kein Code passt.',
  example: 'Beispiel',
  native: 'Antworttext',
  problem: 'Problem details (application/problem+json)',
  copy: 'JSON kopieren',
  copyProblem: 'Problem details kopieren',
  copied: 'In die Zwischenablage kopiert.',
  close: 'Schließen',
  categoryMessage: 'antwortet mit der Meldung seiner Kategorie',
  markdownPages: 'Seiten',
  errorCode: 'Fehlercode',
  userMessage: 'Benutzermeldung',
  httpStatusCode: 'HTTP-Statuscode',
  description: 'Beschreibung',
  httpCodes: 'Fehlercodes',
  reportedIn: 'In {resource} gemeldete Fehlercodes',
};

const KNOWN: Readonly<Record<string, UiStrings>> = { en, fr, ko, 'zh-TW': zhTW, de };

/** The page's words for a catalog locale: its own, its language's (`fr-CA` → `fr`), or English. */
export function uiStrings(locale: string): UiStrings {
  const exact = Object.keys(KNOWN).find((known) => known.toLowerCase() === locale.toLowerCase());
  if (exact) return KNOWN[exact]!;
  const language = locale.split('-')[0]!.toLowerCase();
  return KNOWN[language] ?? { ...en, language: locale };
}
