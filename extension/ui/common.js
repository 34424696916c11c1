/**
 * Small helpers shared by our own pages (popup, options, comparison): building elements with
 * text only, filling in localised strings, and the severity vocabulary.
 */

import { t } from '../shared/browser.js';

export { t };

/** Severity glyphs: severity reads without colour too. */
export const SEVERITY_GLYPH = { high: '▲', medium: '◆', low: '●', protective: '✓' };

/** Creates an element with attributes and children (strings become text nodes). */
export function h(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

/** Fills every `[data-i18n]` element's text from the locale file. */
export function localise(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}

/** The key of a finding's severity: `protective` for protective findings. */
export function severityOf(finding) {
  return finding.polarity === 'protective' ? 'protective' : finding.severity;
}

/** A severity marker: glyph and words, coloured. */
export function severityLabel(finding) {
  const severity = severityOf(finding);
  return h('span', { class: `sev sev-${severity}` },
    h('span', { 'aria-hidden': 'true' }, `${SEVERITY_GLYPH[severity]} `),
    t(`severity_${severity}`));
}

/** A date and time in the reader's locale. */
export function when(timestamp) {
  return new Date(timestamp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The comparison page's URL for two versions of a document. */
export function comparisonUrl(docKey, fromId, toId) {
  const query = new URLSearchParams({ doc: docKey, from: fromId, to: toId });
  return `../compare/compare.html?${query}`;
}
