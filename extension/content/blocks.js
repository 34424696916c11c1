/**
 * The page as text blocks, in the engine's page model (`src/page/mod.rs`), plus the way back
 * from a block offset to a DOM position.
 *
 * One walk over the DOM: text gathers into the nearest block-level element (paragraph, list
 * item, heading, cell, ...); site chrome (page-level navigation, banner header, footer, cookie
 * dialogs), scripts and form controls are skipped; text inside a closed `<details>` or a hidden
 * accordion panel is kept and marked `collapsed`; other text that is not rendered is marked
 * `hidden` (the engine leaves it out). White space is folded as the engine folds it, and each
 * block remembers which text nodes it came from so a finding's UTF-16 span maps back to a DOM
 * range without storing a per-character table.
 *
 * Cost: linear in the page's nodes, plus one `checkVisibility()` per block.
 * Known limits: open shadow roots of web components and same-origin iframes are not read;
 * text placed by CSS (`::before` content) is not seen.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS',
  'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FORM', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HGROUP', 'HR', 'LEGEND', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'HEADER', 'FOOTER',
  'NAV',
]);

const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED',
  'VIDEO', 'AUDIO', 'SELECT', 'TEXTAREA', 'BUTTON', 'INPUT', 'MATH', 'HEAD', 'NAV',
]);

const CHROME_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar', 'toolbar',
  'alertdialog',
]);

/** Sectioning elements inside which `<header>`/`<footer>` belong to the content. */
const SECTIONING = 'article, aside, main, nav, section, [role="main"], [role="article"]';

const COOKIE_HINT = /cookie|consent|gdpr|onetrust|didomi|cookiebot|truste|\bcmp\b|qc-cmp/i;
const ACCORDION_HINT = /accordion|collaps|expand|toggle|panel|tab-?pane|drawer|disclosure/i;
const SPACE = /\s/;
const SPACES = /\s+/g;

/**
 * Reads the page into `{page: {url, title, blocks}, sources}`: `page` is what the engine gets;
 * `sources[i]` holds block i's text nodes for `rangeForSpan`. `skip` is our own host element.
 */
export function readBlocks(doc, skip) {
  const reader = new BlockReader(skip);
  reader.walk(doc.body ?? doc.documentElement, { collapsed: false, blockEl: null });
  reader.flush();
  return {
    page: { url: doc.location?.href ?? null, title: doc.title || null, blocks: reader.blocks },
    sources: reader.sources,
  };
}

class BlockReader {
  constructor(skip) {
    this.skip = skip;
    this.blocks = [];
    this.sources = [];
    this.open = null;
  }

  walk(element, context) {
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        this.addText(node, context);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        this.visit(node, context);
      }
    }
  }

  visit(element, context) {
    if (element === this.skip || isSkipped(element)) return;
    if (element.tagName === 'BR') {
      this.addBreak();
      return;
    }

    const inner = childContext(element, context);
    if (!BLOCK_TAGS.has(element.tagName)) {
      this.walk(element, inner);
      return;
    }

    this.flush();
    this.walk(element, { ...inner, blockEl: element });
    this.flush();
  }

  addText(node, context) {
    const data = node.data;
    if (!this.open) {
      if (!/\S/.test(data)) return;
      this.open = { element: context.blockEl ?? node.parentElement, context, parts: [], text: '' };
    }

    const block = this.open;
    let folded = data.replace(SPACES, ' ');
    const droppedLead = folded.startsWith(' ') && (block.text === '' || block.text.endsWith(' '));
    if (droppedLead) folded = folded.slice(1);

    block.parts.push({ node, start: block.text.length, droppedLead });
    block.text += folded;
  }

  addBreak() {
    if (this.open && !this.open.text.endsWith(' ')) this.open.text += ' ';
  }

  flush() {
    const block = this.open;
    this.open = null;
    if (!block) return;

    const text = block.text.trimEnd();
    if (text === '') return;

    const index = this.blocks.length;
    const { tag, headingLevel } = describe(block.element);
    const state = renderState(block.element, block.context);
    this.blocks.push({
      text,
      tag,
      heading_level: headingLevel,
      hidden: state === 'hidden',
      collapsed: state === 'collapsed',
      index,
    });
    this.sources.push(block.parts);
  }
}

function isSkipped(element) {
  if (SKIPPED_TAGS.has(element.tagName)) return true;

  const role = element.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;

  if ((element.tagName === 'HEADER' || element.tagName === 'FOOTER') && !inSection(element)) {
    return true;
  }
  return looksLikeCookieBanner(element);
}

function inSection(element) {
  return element.parentElement?.closest(SECTIONING) != null;
}

function looksLikeCookieBanner(element) {
  const hint = `${element.id} ${typeof element.className === 'string' ? element.className : ''}`;
  if (!COOKIE_HINT.test(hint)) return false;
  if (element.getAttribute('role') === 'dialog' || element.hasAttribute('aria-modal')) return true;

  const position = getComputedStyle(element).position;
  return position === 'fixed' || position === 'sticky';
}

function childContext(element, context) {
  if (element.tagName === 'DETAILS' && !element.open) {
    return { ...context, closedDetails: element };
  }
  if (context.closedDetails && element.tagName === 'SUMMARY'
      && element.parentElement === context.closedDetails) {
    return { ...context, closedDetails: null };
  }
  return context;
}

function describe(element) {
  const tag = element.tagName.toLowerCase();
  const match = /^h([1-6])$/.exec(tag);
  if (match) return { tag, headingLevel: Number(match[1]) };

  if (element.getAttribute('role') === 'heading') {
    const level = Number(element.getAttribute('aria-level')) || 2;
    return { tag, headingLevel: Math.min(Math.max(level, 1), 6) };
  }
  return { tag, headingLevel: null };
}

/** `visible`, `collapsed` (shut accordion or `<details>`) or `hidden` (not part of the page). */
function renderState(element, context) {
  if (context.closedDetails) return 'collapsed';
  if (element.checkVisibility ? element.checkVisibility() : element.getClientRects().length) {
    return 'visible';
  }
  return insideAccordion(element) ? 'collapsed' : 'hidden';
}

function insideAccordion(element) {
  for (let at = element; at && at !== document.body; at = at.parentElement) {
    if (at.getAttribute('hidden') === 'until-found') return true;
    const hint = `${at.id} ${typeof at.className === 'string' ? at.className : ''}`;
    if (ACCORDION_HINT.test(hint)) return true;
    if (at.id && document.querySelector(`[aria-controls~="${CSS.escape(at.id)}"]`)) return true;
  }
  return false;
}

/**
 * The DOM range for `{block, start, end}` (UTF-16 offsets into the block's folded text), or
 * `null` when the nodes it came from are gone.
 */
export function rangeForSpan(sources, span) {
  const parts = sources[span.block];
  if (!parts || span.start > span.end) return null;

  const start = locate(parts, span.start, false);
  const end = locate(parts, span.end, true);
  if (!start || !end) return null;

  const range = document.createRange();
  try {
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
  } catch {
    return null;
  }
  return range;
}

/** Finds the text node and raw offset holding folded offset `at` of a block. */
function locate(parts, at, isEnd) {
  let index = parts.length - 1;
  while (index > 0 && (isEnd ? parts[index].start >= at : parts[index].start > at)) index--;

  const part = parts[index];
  if (!part?.node.isConnected) return null;
  return { node: part.node, offset: rawOffset(part.node.data, at - part.start, part.droppedLead) };
}

/** Walks a text node's raw data until `folded` folded characters have passed. */
function rawOffset(data, folded, droppedLead) {
  let raw = 0;
  if (droppedLead) while (raw < data.length && SPACE.test(data[raw])) raw++;

  for (let seen = 0; raw < data.length && seen < folded; seen++) {
    if (SPACE.test(data[raw])) {
      while (raw < data.length && SPACE.test(data[raw])) raw++;
    } else {
      raw++;
    }
  }
  return raw;
}

/** The text with every white-space character removed: what two readings must agree on. */
export function squash(text) {
  return text.replace(SPACES, '');
}
