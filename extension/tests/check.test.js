// Unit tests for the content script's first look (content/check.js).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { mayBeTerms } from '../content/check.js';

test('terms pages pass on their URL, title or headings', () => {
  assert.ok(mayBeTerms('https://example.com/legal/terms', null, []));
  assert.ok(mayBeTerms('https://example.com/x', 'Privacy Notice | Example', []));
  assert.ok(mayBeTerms('https://example.com/x', 'Example', ['Conditions générales']));
  assert.ok(mayBeTerms('https://example.de/agb', 'Example', []));
  assert.ok(mayBeTerms('https://example.com/tos', 'Example', []));
  assert.ok(mayBeTerms('https://example.com/p', 'Example', ['End User License Agreement']));
  assert.ok(mayBeTerms('https://example.com/%E5%88%A9%E7%94%A8%E8%A6%8F%E7%B4%84', null, []));
});

test('pages that plainly are not terms are stopped', () => {
  assert.ok(!mayBeTerms('https://news.example.com/2025/03/bike-lanes', 'Council backs bike lanes',
    ['Council backs twelve kilometres of riverside bike lanes', 'Work starts in spring']));
  assert.ok(!mayBeTerms('https://shop.example.com/', 'Shoes and boots', ['New in']));
});

test('short words match only as whole words', () => {
  assert.ok(!mayBeTerms('https://example.com/stories', 'Tostada recipes', ['Bagels']));
  assert.ok(mayBeTerms('https://example.com/x', 'Our ToS', []));
});

test('bad input is an ordinary "no"', () => {
  assert.equal(mayBeTerms('not a url', null, []), false);
  assert.equal(mayBeTerms('https://example.com/%E0%A4%A', undefined, []), false);
  assert.equal(mayBeTerms(undefined, undefined, []), false);
});
