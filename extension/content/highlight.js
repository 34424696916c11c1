/**
 * Findings painted on the page with the CSS Custom Highlight API, one highlight per severity
 * (`termwatch-high`, `termwatch-medium`, `termwatch-low`, `termwatch-protective`) plus
 * `termwatch-focus` for the finding the reader stepped to. The page's own elements are never
 * touched: a highlight is a list of ranges the browser paints.
 *
 * A finding is painted only if the page text at its range still reads as its quote; one that
 * can no longer be found is dropped, never moved onto a similar sentence elsewhere.
 */

import { rangeForSpan, squash } from './blocks.js';

export const HIGHLIGHT_NAMES = Object.freeze({
  high: 'termwatch-high',
  medium: 'termwatch-medium',
  low: 'termwatch-low',
  protective: 'termwatch-protective',
  focus: 'termwatch-focus',
});

/** Which highlight a finding goes into. */
export function highlightName(finding) {
  return finding.polarity === 'protective'
    ? HIGHLIGHT_NAMES.protective
    : HIGHLIGHT_NAMES[finding.severity] ?? HIGHLIGHT_NAMES.low;
}

/**
 * Places findings (`[{id, span, quote, severity, polarity, ...}]`) on the page and registers
 * the highlights. Returns the findings that could be placed, each with its `range`, in page
 * order, and the number dropped.
 */
export function paint(findings, sources) {
  clear();
  if (!('highlights' in CSS)) return { placed: [], dropped: findings.length };

  const placed = [];
  for (const finding of findings) {
    const range = rangeForSpan(sources, finding.span);
    if (range && squash(range.toString()) === squash(finding.quote)) {
      placed.push({ ...finding, range });
    }
  }
  placed.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));

  const groups = new Map();
  for (const finding of placed) {
    const name = highlightName(finding);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(finding.range);
  }
  for (const [name, ranges] of groups) {
    const highlight = new Highlight(...ranges);
    highlight.priority = name === HIGHLIGHT_NAMES.protective ? 0 : 1;
    CSS.highlights.set(name, highlight);
  }
  return { placed, dropped: findings.length - placed.length };
}

/** Marks one range as the reader's current finding (or none). */
export function focus(range) {
  if (!('highlights' in CSS)) return;
  if (!range) {
    CSS.highlights.delete(HIGHLIGHT_NAMES.focus);
    return;
  }
  const highlight = new Highlight(range);
  highlight.priority = 2;
  CSS.highlights.set(HIGHLIGHT_NAMES.focus, highlight);
}

/** Removes every Termwatch highlight from the page. */
export function clear() {
  if (!('highlights' in CSS)) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}

/** The placed finding under a viewport point, if any. */
export function findingAt(placed, x, y) {
  const caret = caretAt(x, y);
  if (!caret) return null;
  return placed.find((finding) => {
    try {
      return finding.range.isPointInRange(caret.node, caret.offset) && pointOnText(finding, x, y);
    } catch {
      return false;
    }
  }) ?? null;
}

function caretAt(x, y) {
  if (document.caretPositionFromPoint) {
    const position = document.caretPositionFromPoint(x, y);
    return position && { node: position.offsetNode, offset: position.offset };
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range && { node: range.startContainer, offset: range.startOffset };
}

/** The caret snaps to the nearest text; only count the point if it is over a painted line. */
function pointOnText(finding, x, y) {
  for (const rect of finding.range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
