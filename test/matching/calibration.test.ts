// How far qmap trusts itself, per language: the thresholds and scale `npm run calibrate` wrote, and what they
// give on customers the threshold was not chosen on (each customer set aside in turn).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { defaultThresholdsPath, loadScale, loadThresholds, scaleOf } from '../../src/matching/matcher.js';
import { reasonTemplates } from '../../src/matching/reasons.js';
import { messageText as reasonText } from '../../src/messages.js';

interface HeldOut {
  autoPrecision: number;
  autoRows: number;
  coverage: number;
  heldBack: number;
}
const file = JSON.parse(readFileSync(defaultThresholdsPath, 'utf8')) as Record<
  'ja' | 'en',
  { auto: number; review: number; calibration: { leaveOneSourceOut: HeldOut & { independent: HeldOut; perSource: { source: string }[] } } }
>;

t.test('Japanese and English questions have thresholds of their own, read from fixtures/thresholds.json', async (t) => {
  const th = loadThresholds();
  t.equal(th.auto, file.ja.auto);
  t.same(th.en, { auto: file.en.auto, review: file.en.review });
  for (const band of [th, th.en!]) t.ok(band.auto >= band.review && band.review > 0, 'auto at or above review, review above nothing');
});

t.test('on customers the threshold was not chosen on, auto answers are right 99 times in 100 (Japanese) and 95 (English)', async (t) => {
  const target = { ja: 0.99, en: 0.95 };
  for (const language of ['ja', 'en'] as const) {
    const held = file[language].calibration.leaveOneSourceOut;
    t.ok(held.perSource.length >= 7, `${language}: ${held.perSource.length} customers, each set aside in turn`);
    t.ok(held.autoPrecision >= target[language], `${language}: ${held.autoPrecision} of ${held.autoRows} auto rows right`);
    t.ok(held.independent.autoPrecision >= target[language] - 0.01, `${language}: the independent corpus ${held.independent.autoPrecision}`);
    t.ok(held.coverage > 0.5, `${language}: ${held.coverage} of answerable questions answered automatically`);
  }
});

t.test('the score reads as a likelihood: it rises with the confidence and never reorders two items', async (t) => {
  for (const points of Object.values(loadScale())) {
    const scale = scaleOf(points);
    const xs = Array.from({ length: 101 }, (_, i) => i / 100);
    t.ok(xs.every((x, i) => i === 0 || scale(x) > scale(xs[i - 1])), 'strictly rising');
    t.equal(scale(1), 1);
  }
  t.equal(scaleOf(undefined)(0.42), 0.42, 'without a fitted curve the confidence is shown as it is');
});

t.test('every reason has words in English and in Japanese, and its parameters are filled in', async (t) => {
  for (const [code, words] of Object.entries(reasonTemplates)) {
    t.ok(words.en.length > 10 && words.ja.length > 5, code);
    t.match(words.ja, /[ぁ-ん]/, `${code}: the Japanese is Japanese`);
  }
  const m = { code: 'match.terms', params: { itemNo: 11, title: '目標復旧時間(RTO)', terms: '「rto」' } };
  t.equal(reasonText(m, 'en'), 'item 11 「目標復旧時間(RTO)」: matched 「rto」');
  t.equal(reasonText(m, 'ja'), 'No.11「目標復旧時間(RTO)」: 質問に 「rto」 とあります');
  t.equal(reasonText({ code: 'something.new' }, 'ja'), 'something.new', 'an unknown code reads as itself');
});
