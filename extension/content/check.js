/**
 * The content script's first look: could this page be terms at all?
 *
 * Reads only the URL, the title and the first few top-level headings, and matches them against
 * a word list with plain substring search (no regular expression: on a page that is not terms
 * this check is all Termwatch costs, and compiling a large pattern would cost more than the
 * rest of it). Deliberately generous: a page it lets through is still judged by the engine,
 * which decides for real; a page it stops is never read, so it must only stop pages that
 * plainly are not legal documents.
 *
 * Known limit: the word list covers English and the main Western European languages plus a
 * few others; a terms page in another language whose URL, title and headings carry none of
 * these words is missed.
 */

/** Matched anywhere in the lower-cased text. */
const WORDS = [
  'terms', 'conditions', 'privacy', 'policy', 'policies', 'legal', 'agreement', 'licence',
  'license', 'cookie', 'acceptable use', 'acceptable-use', 'acceptable_use', 'gdpr',
  'data protection', 'data-protection', 'disclaimer', 'copyright', 'datenschutz',
  'nutzungsbedingungen', 'impressum', 'conditions générales', 'confidentialit',
  'mentions légales', 'mentions-legales', 'términos', 'terminos', 'condiciones', 'privacidad',
  'aviso legal', 'termini', 'condizioni', 'informativa', 'voorwaarden', 'privacybeleid',
  'regulamin', 'prywatno', 'условия', 'конфиденциальн', '利用規約', 'プライバシー', '隐私', '条款',
];

/** Matched only as whole words (too short to search for inside other words). */
const SHORT_WORDS = ['tos', 'eula', 'agb', 'cgu', 'cgv'];

/** How many headings the check reads; later ones rarely name the document. */
const HEADINGS_READ = 6;

/** `true` when the URL, title or top headings name a legal document. */
export function mayBeTerms(url, title, headings) {
  return looksLegal([title ?? '', urlText(url), ...headings].join('\n'));
}

function looksLegal(text) {
  if (!text) return false;
  const lower = text.toLowerCase();
  return WORDS.some((word) => lower.includes(word))
    || SHORT_WORDS.some((word) => hasWord(lower, word));
}

function hasWord(text, word) {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isLetter(text[at - 1]) && !isLetter(text[at + word.length])) return true;
  }
  return false;
}

function isLetter(char) {
  return char !== undefined && char.toLowerCase() !== char.toUpperCase();
}

/** Host, path and fragment of a URL, decoded; query strings carry tracking noise, not names. */
function urlText(url) {
  try {
    const { hostname, pathname, hash } = new URL(url);
    return `${hostname} ${decodeURIComponent(pathname)} ${hash}`;
  } catch {
    return '';
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
