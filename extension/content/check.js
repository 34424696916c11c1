/**
 * The content script's first look: could this page be terms at all?
 *
 * Reads only the URL, the title and the first few top-level headings, so it costs well under a
 * millisecond even on a large page, and it is deliberately generous: a page it lets through is
 * still judged by the engine (which decides for real); a page it stops is never read, so it
 * must only stop pages that plainly are not legal documents. Known limit: the word list covers
 * English and the main Western European languages plus a few others; a terms page in another
 * language whose URL, title and headings carry none of these words is missed.
 */

const LEGAL_WORDS = new RegExp(
  [
    'terms',
    'conditions',
    'privacy',
    'polic(?:y|ies)',
    'legal',
    'agreement',
    'eula',
    'licen[cs]e',
    'cookie',
    'acceptable[ _-]?use',
    '\\btos\\b',
    'gdpr',
    'data[ _-]?protection',
    'disclaimer',
    'copyright',
    'datenschutz',
    'nutzungsbedingungen',
    '\\bagb\\b',
    'impressum',
    'conditions? g[ée]n[ée]rales',
    'confidentialit',
    'mentions? l[ée]gales',
    '\\bcg[uv]\\b',
    't[ée]rminos',
    'condiciones',
    'privacidad',
    'aviso legal',
    'termini',
    'condizioni',
    'informativa',
    'voorwaarden',
    'privacybeleid',
    'regulamin',
    'prywatno',
    'условия',
    'конфиденциальн',
    '利用規約',
    'プライバシー',
    '隐私',
    '条款',
  ].join('|'),
  'i',
);

/** How many headings of each level the check reads; later ones rarely name the document. */
const HEADINGS_READ = 6;

/** `true` when the URL, title or top headings name a legal document. */
export function mayBeTerms(url, title, headings) {
  if (LEGAL_WORDS.test(title ?? '')) return true;
  if (urlLooksLegal(url)) return true;
  return headings.some((heading) => LEGAL_WORDS.test(heading));
}

function urlLooksLegal(url) {
  try {
    const { hostname, pathname, hash } = new URL(url);
    return LEGAL_WORDS.test(`${hostname} ${decodeURIComponent(pathname)} ${hash}`);
  } catch {
    return false;
  }
}

/** The text of the page's first `h1`/`h2` headings, read cheaply. */
export function topHeadings(doc) {
  const found = doc.querySelectorAll('h1, h2');
  const texts = [];
  for (let i = 0; i < found.length && texts.length < HEADINGS_READ; i++) {
    const text = found[i].textContent;
    if (text) texts.push(text.slice(0, 200));
  }
  return texts;
}
