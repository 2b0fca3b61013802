// Two versions of a text, their difference readable: jsdiff (served from its own ES module build) compares word by
// word, words found by the browser's Intl.Segmenter, so Japanese (no spaces between words) reads as well as English.
import { diffWords } from '/static/vendor/diff/diff/word.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';

const segmenters = new Map();
const segmenter = (lang) => {
  if (!segmenters.has(lang)) segmenters.set(lang, new Intl.Segmenter(lang, { granularity: 'word' }));
  return segmenters.get(lang);
};

/** before → after as text with insertions and deletions marked (and named for screen readers). */
export function textDiff(before, after, lang) {
  const parts = diffWords(before ?? '', after ?? '', { intlSegmenter: segmenter(lang) });
  return h(
    'div',
    { class: 'diff', lang },
    parts.map((p) =>
      p.added
        ? h('ins', null, h('span', { class: 'sr-only' }, `[${t('added')}: `), p.value, h('span', { class: 'sr-only' }, ']'))
        : p.removed
          ? h('del', null, h('span', { class: 'sr-only' }, `[${t('removed')}: `), p.value, h('span', { class: 'sr-only' }, ']'))
          : p.value,
    ),
  );
}
