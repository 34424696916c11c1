/**
 * The toolbar badge of one tab: the number of risk findings, coloured by the worst severity,
 * with "!" added while a substantive change since the last visit is unseen.
 */

import { ext } from '../shared/browser.js';

const COLOURS = {
  high: '#b91c1c',
  medium: '#b45309',
  low: '#8a6d00',
  none: '#15803d',
  change: '#6d28d9',
};

/** Sets (or clears, for `null`) the badge of a tab from its report. */
export async function setBadge(tabId, report) {
  try {
    if (!report) {
      await ext.action.setBadgeText({ tabId, text: '' });
      return;
    }
    const { text, colour } = badgeFor(report);
    await ext.action.setBadgeBackgroundColor({ tabId, color: colour });
    await ext.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    await ext.action.setBadgeText({ tabId, text });
  } catch {
    // The tab was closed while the page was being read: nothing to show.
  }
}

/** The badge text and colour for a tab report. */
export function badgeFor(report) {
  const risks = report.findings.filter((finding) => finding.polarity === 'risk');
  const worst = ['high', 'medium', 'low'].find((severity) =>
    risks.some((finding) => finding.severity === severity)) ?? 'none';
  const changed = Boolean(report.change && !report.change.seen);
  return {
    text: `${risks.length}${changed ? '!' : ''}`,
    colour: changed ? COLOURS.change : COLOURS[worst],
  };
}
