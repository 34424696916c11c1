/** The facts a finding states, worded for people; shared by the page overlay and the popup. */

import { t } from './browser.js';

/** The facts a finding states, as one line (`Law: Delaware · Opt-out: 30 days`). */
export function factsText(facts) {
  if (!facts) return '';
  const parts = [];
  if (facts.days != null) parts.push(t('factDays', String(facts.days)));
  if (facts.cap) parts.push(t('factCap', facts.cap));
  if (facts.law) parts.push(t('factLaw', facts.law));
  if (facts.venue) parts.push(t('factVenue', facts.venue));
  if (facts.duration) parts.push(t('factDuration', facts.duration));
  if (facts.notice_days != null) parts.push(t('factNoticeDays', String(facts.notice_days)));
  if (facts.min_age != null) parts.push(t('factMinAge', String(facts.min_age)));
  return parts.join(' · ');
}
