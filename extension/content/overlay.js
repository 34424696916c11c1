/**
 * Termwatch's own in-page interface: the tooltip for a finding and the small summary panel.
 *
 * Everything lives in a closed shadow root on one host element appended at the end of `<html>`
 * (after `<body>`). The host is fixed-position, zero-sized and styled inline with `!important`,
 * so no page style can pull it into the flow: no page element's box moves. Page text is only
 * ever inserted with `textContent`. The panel's buttons come last in the tab order, so the
 * whole interface is reachable from the keyboard; the tooltip is also announced (`aria-live`).
 */

import { t } from '../shared/browser.js';
import { factsText } from '../shared/facts.js';

/** Inline, `!important` and set through the CSSOM (which a page's CSP does not block). */
const HOST_STYLE = [
  ['all', 'initial'], ['position', 'fixed'], ['top', '0'], ['left', '0'], ['width', '0'],
  ['height', '0'], ['margin', '0'], ['padding', '0'], ['border', '0'], ['overflow', 'visible'],
  ['display', 'block'], ['z-index', '2147483647'], ['pointer-events', 'none'],
  ['transform', 'none'], ['filter', 'none'], ['contain', 'none'], ['visibility', 'visible'],
  ['opacity', '1'],
];

const SEVERITY_GLYPH = { high: '▲', medium: '◆', low: '●', protective: '✓' };

const CSS_TEXT = `
:host { color-scheme: light dark; }
* { box-sizing: border-box; }
.tip, .panel, .pill {
  pointer-events: auto; position: fixed; font: 13px/1.45 system-ui, sans-serif;
  color: #1f2328; background: #ffffff; border: 1px solid #8c959f; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.18);
}
.tip { max-width: min(420px, 90vw); padding: 10px 12px; }
.tip[hidden], .panel[hidden] { display: none; }
.tip .head { font-weight: 600; display: flex; gap: 6px; align-items: baseline; }
.tip .facts { margin-top: 6px; font-size: 12px; }
.tip .where { margin-top: 6px; font-size: 12px; font-style: italic; }
.sev-high { color: #b91c1c; } .sev-medium { color: #b45309; }
.sev-low { color: #8a5a00; } .sev-protective { color: #15803d; }
.pill { right: 16px; bottom: 16px; padding: 6px 12px; cursor: pointer; font-weight: 600; }
.panel { right: 16px; bottom: 56px; width: 280px; padding: 10px 12px; }
.panel ul { margin: 6px 0; padding-left: 18px; }
.row { display: flex; gap: 6px; margin-top: 8px; }
button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #8c959f;
  background: #f6f8fa; color: inherit; cursor: pointer; }
button:focus-visible, .pill:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .tip, .panel, .pill { color: #e6edf3; background: #161b22; border-color: #6e7681; }
  button { background: #21262d; }
  .sev-high { color: #ff7b72; } .sev-medium { color: #f0b35b; }
  .sev-low { color: #e3c15a; } .sev-protective { color: #56d364; }
}
`;

export class Overlay {
  constructor({ onStep, onClose }) {
    this.host = document.createElement('termwatch-ui');
    for (const [name, value] of HOST_STYLE) this.host.style.setProperty(name, value, 'important');
    this.root = this.host.attachShadow({ mode: 'closed' });
    applyStyles(this.root);

    this.tip = element('div', { class: 'tip', role: 'status', 'aria-live': 'polite' });
    this.tip.hidden = true;
    this.panel = element('div', { class: 'panel', role: 'region' });
    this.panel.setAttribute('aria-label', t('overlayPanelLabel'));
    this.panel.hidden = true;
    this.pill = element('button', { class: 'pill', type: 'button', 'aria-expanded': 'false' });
    this.pill.addEventListener('click', () => this.togglePanel());

    this.onStep = onStep;
    this.onClose = onClose;
    this.root.append(this.tip, this.panel, this.pill);
    document.documentElement.append(this.host);
  }

  /** Shows the counts for the page's findings in the pill and the panel. */
  summarise(report, placed) {
    const risks = placed.filter((finding) => finding.polarity === 'risk');
    this.pill.textContent = t('overlayPill', String(risks.length));

    const list = element('ul');
    for (const severity of ['high', 'medium', 'low']) {
      const count = risks.filter((finding) => finding.severity === severity).length;
      if (count === 0) continue;
      const item = element('li', { class: `sev-${severity}` });
      item.textContent = `${SEVERITY_GLYPH[severity]} ${t(`severity_${severity}`)}: ${count}`;
      list.append(item);
    }

    const heading = element('div');
    heading.textContent = `${report.kindLabel} · ${t('grade')} ${report.grade}`;
    const row = element('div', { class: 'row' });
    row.append(
      button(t('previousFinding'), () => this.onStep(-1)),
      button(t('nextFinding'), () => this.onStep(1)),
      button(t('hideOverlay'), () => this.onClose()),
    );
    this.panel.replaceChildren(heading, list, row);
  }

  togglePanel() {
    this.panel.hidden = !this.panel.hidden;
    this.pill.setAttribute('aria-expanded', String(!this.panel.hidden));
  }

  /** Shows the tooltip for a finding next to its range. */
  showTip(finding, category) {
    const severity = finding.polarity === 'protective' ? 'protective' : finding.severity;
    const head = element('div', { class: `head sev-${severity}` });
    const glyph = element('span', { 'aria-hidden': 'true' });
    glyph.textContent = SEVERITY_GLYPH[severity];
    const title = element('span');
    title.textContent = `${category?.name ?? finding.category} · ${t(`severity_${severity}`)}`;
    head.append(glyph, title);

    const body = element('div');
    body.textContent = finding.explanation || category?.explanation || '';
    this.tip.replaceChildren(head, body);

    const facts = factsText(finding.facts);
    if (facts) {
      const line = element('div', { class: 'facts' });
      line.textContent = facts;
      this.tip.append(line);
    }
    if (finding.collapsed) {
      const line = element('div', { class: 'where' });
      line.textContent = t('inCollapsedSection');
      this.tip.append(line);
    }

    this.tip.hidden = false;
    this.placeTip(finding.range);
  }

  placeTip(range) {
    const rect = range.getBoundingClientRect();
    const tipHeight = this.tip.offsetHeight;
    const below = rect.bottom + 8;
    const top = below + tipHeight < window.innerHeight ? below : Math.max(8, rect.top - tipHeight - 8);
    const left = Math.min(Math.max(8, rect.left), window.innerWidth - this.tip.offsetWidth - 8);
    this.tip.style.top = `${top}px`;
    this.tip.style.left = `${Math.max(8, left)}px`;
  }

  hideTip() {
    this.tip.hidden = true;
  }

  /** Whether a DOM event happened inside our interface. */
  contains(event) {
    return event.composedPath().includes(this.host);
  }

  remove() {
    this.host.remove();
  }
}

function applyStyles(root) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
    root.adoptedStyleSheets = [sheet];
  } catch {
    const style = document.createElement('style');
    style.textContent = CSS_TEXT;
    root.append(style);
  }
}

function element(tag, attributes = {}) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function button(label, onClick) {
  const node = element('button', { type: 'button' });
  node.textContent = label;
  node.addEventListener('click', onClick);
  return node;
}
