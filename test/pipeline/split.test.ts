// A large upload may be analysed in parts, one per worker thread: part 0 reads and detects the file and hands
// each other part its share of the questions (with a neighbour either side), each part matches its share, and
// the parts are merged. The result must be exactly what one analysis of the whole file gives (only the random
// row ids differ), and what a part gives when it reads the file itself.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { limitsOf, loadConfig } from '../../src/config.js';
import { QmapError } from '../../src/errors.js';
import { loadItemsFile } from '../../src/matching/evaluate.js';
import type { Matcher, MatchInput } from '../../src/matching/matcher.js';
import type { Proposal } from '../../src/domain.js';
import { analyse, analyseDetected, detectedFor, matchRange, partRange, readAndDetect, type AnalyseInput, type Part } from '../../src/pipeline/analyse.js';
import { MessageChannel } from 'node:worker_threads';
import { analyseTask, mergePrepared, prepare, type Prepared } from '../../src/pipeline/task.js';
import { STORED_STATUS } from '../../src/store/jobs.js';
import { checksheet } from '../helpers/workbooks.js';

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url);
const items = loadItemsFile(fileURLToPath(fixture('meti-items.json')));
const limits = limitsOf(loadConfig({ QMAP_DB: ':memory:' }));

const MFA = 'ログイン時に多要素認証（MFA）を利用できますか。';
const input = (bytes: Uint8Array, filename: string, part?: Part): AnalyseInput => ({
  bytes,
  filename,
  limits,
  overrides: {},
  items,
  learned: [{ text: '貴社の創業年を教えてください。', itemNos: [1] }],
  library: [{ id: 'lib-1', question: MFA, answer: 'TOTPによる多要素認証に対応しています。', choice: null }],
  part,
});

/** What the server stores and answers, with the random row ids masked. */
function masked(p: Prepared) {
  return {
    ...p,
    stored: p.stored.map(([, ...rest]) => rest),
    rowsJson: Buffer.concat(p.rowsJson).toString('utf8').replace(/"id":"[\w-]{22}"/g, '"id":"…"'),
  };
}

const whole = (bytes: Uint8Array, filename: string) => masked(prepare(analyse(input(bytes, filename)), items));
/** As the pool does it: read once, each part handed its questions. */
const inParts = (bytes: Uint8Array, filename: string, of: number) => {
  const detected = readAndDetect(input(bytes, filename));
  return masked(
    mergePrepared(
      Array.from({ length: of }, (_, index) => {
        const part = { index, of };
        return prepare(analyseDetected(index ? detectedFor(detected, part) : detected, input(bytes, filename, part)), items);
      }),
    ),
  );
};
/** Each part reading the file itself. */
const readingEach = (bytes: Uint8Array, filename: string, of: number) =>
  masked(mergePrepared(Array.from({ length: of }, (_, index) => prepare(analyse(input(bytes, filename, { index, of })), items))));

t.test('parts are consecutive, nearly equal, and together cover every question once', async (t) => {
  t.same([0, 1].map((index) => partRange(10, { index, of: 2 })), [{ from: 0, to: 5 }, { from: 5, to: 10 }]);
  t.same([0, 1, 2].map((index) => partRange(10, { index, of: 3 })), [{ from: 0, to: 3 }, { from: 3, to: 6 }, { from: 6, to: 10 }]);
  t.same([0, 1, 2].map((index) => partRange(2, { index, of: 3 })), [{ from: 0, to: 0 }, { from: 0, to: 1 }, { from: 1, to: 2 }]);
  t.same(partRange(7), { from: 0, to: 7 }, 'no part: all of them');
});

t.test('a slice is matched with its neighbours for context, so it gets the verdicts matching everything gives', async (t) => {
  // A matcher whose every verdict depends on the questions either side, as the real one's context pass can.
  const matcher: Matcher = {
    match: () => {
      throw new Error('not used');
    },
    matchAll: (qs) =>
      qs.map((q, i): Proposal => ({
        status: 'review',
        itemNos: [],
        score: 0,
        candidates: [],
        reasons: [qs[i - 1]?.text ?? '-', q.text, qs[i + 1]?.text ?? '-'].map((code) => ({ code })),
        source: 'lexicon',
        libraryId: null,
      })),
  };
  const inputs: MatchInput[] = Array.from({ length: 7 }, (_, i) => ({ text: `q${i}`, section: null }));
  const all = matcher.matchAll(inputs);
  for (let from = 0; from <= inputs.length; from++) {
    for (let to = from; to <= inputs.length; to++) t.same(matchRange(matcher, inputs, from, to), all.slice(from, to), `[${from}, ${to})`);
  }
  t.notSame(matcher.matchAll(inputs.slice(2, 5)), all.slice(2, 5), 'matching the slice alone would not do');
});

for (const path of ['eval-holdout/02-city-shinonome-cloud-kakuninsho.xlsx', 'eval-holdout2/04-enterprise-halvorsen-caiq-v4.xlsx', 'eval-holdout3/04-university-hokuryo-checklist.ods']) {
  t.test(`${path}: in 2 parts and in 3 the merged result is the whole one`, async (t) => {
    const bytes = new Uint8Array(readFileSync(fixture(path)));
    const expected = whole(bytes, path);
    t.ok(expected.stored.length >= 15, `${expected.stored.length} questions on ${expected.sheets.length} sheet(s)`);
    for (const of of [2, 3]) t.strictSame(inParts(bytes, path, of), expected, `${of} parts`);
    t.strictSame(readingEach(bytes, path, 2), expected, '2 parts, each reading the file');
  });
}

t.test('every part gives the whole upload’s notes, whichever part holds the filled answer cells', async (t) => {
  const questions = ['データのバックアップの取得頻度と方法を教えてください。', '通信はTLS1.2以上で暗号化されていますか。', MFA, '貴社の創業年を教えてください。'];
  const bytes = new Uint8Array(await checksheet(questions, { 3: '1998年' }));
  const expected = whole(bytes, 'check.xlsx');
  t.same(expected.notes, ["1 answer cell(s) already held the customer's text; qmap left them as they were."]);
  t.ok(expected.rowsJson.includes('"source":"library"'), 'a row answered from the library');
  t.ok(expected.rowsJson.includes('"source":"learned"'), 'a row answered from a learned alias');
  const first = analyse(input(bytes, 'check.xlsx', { index: 0, of: 2 }));
  t.equal(first.rows.length, 2);
  t.same(first.notes, expected.notes, 'the first half holds no filled cell but says so for the upload');
  t.strictSame(inParts(bytes, 'check.xlsx', 2), expected);
});

t.test('a part is handed only its own questions and the neighbour either side', async (t) => {
  const bytes = new Uint8Array(readFileSync(fixture('eval-holdout/02-city-shinonome-cloud-kakuninsho.xlsx')));
  const detected = readAndDetect(input(bytes, 'q.xlsx'));
  const n = detected.total;
  const second = detectedFor(detected, { index: 1, of: 3 });
  const { from, to } = partRange(n, { index: 1, of: 3 });
  t.equal(second.first, from - 1);
  t.same(second.questions, detected.questions.slice(from - 1, to + 1));
  const last = detectedFor(detected, { index: 2, of: 3 });
  t.equal(last.questions.length, n - partRange(n, { index: 2, of: 3 }).from + 1, 'the last part has no neighbour after it');
  t.throws(() => analyseDetected(second, input(bytes, 'q.xlsx', { index: 0, of: 3 })), /not among those detected/, 'another part’s questions are not there');
});

t.test('more parts than questions: the empty parts add nothing', async (t) => {
  const bytes = new Uint8Array(readFileSync(fixture('workbooks/layout-hidden-column.xlsx')));
  const expected = whole(bytes, 'tiny.xlsx');
  t.equal(expected.stored.length, 2);
  t.strictSame(inParts(bytes, 'tiny.xlsx', 5), expected);
});

t.test('a workbook with no questions is refused by every part as by the whole', async (t) => {
  const bytes = new Uint8Array(readFileSync(fixture('workbooks/bad-no-questions.xlsx')));
  const refusal = (part?: Part) => {
    try {
      analyse(input(bytes, 'none.xlsx', part));
    } catch (e) {
      if (e instanceof QmapError) return { code: e.code, message: e.message, details: e.details };
    }
    throw new Error('expected a refusal');
  };
  const expected = refusal();
  t.equal(expected.code, 'no_questions');
  for (const index of [0, 1]) t.same(refusal({ index, of: 2 }), expected, `part ${index}`);
});

t.test('merging: rows and their JSON follow each other in order, ord continues, the summary counts every row', async (t) => {
  const bytes = new Uint8Array(readFileSync(fixture('eval-holdout/01-shinkin-aoba-itakusaki-hyoka.xlsx')));
  const parts = [0, 1, 2].map((index) => prepare(analyse(input(bytes, 'q.xlsx', { index, of: 3 })), items));
  const merged = mergePrepared(parts);
  t.same(merged.stored.map((r) => r[1]), merged.stored.map((_, i) => i), 'ord 0…n-1 across the parts');
  t.same(merged.stored.map((r) => r[0]), parts.flatMap((p) => p.stored.map((r) => r[0])), 'each part’s ids kept');
  const rows = JSON.parse(Buffer.concat(merged.rowsJson).toString('utf8')) as { id: string }[];
  t.same(rows.map((r) => r.id), merged.stored.map((r) => r[0]), 'the JSON rows are the stored rows');
  const partBuffers = new Set(parts.flatMap((p) => p.rowsJson.map((b) => b.buffer)));
  t.ok(
    merged.rowsJson.every((b) => b.byteLength <= 1 || partBuffers.has(b.buffer)),
    'the parts’ JSON is not copied: the merged pieces are views of it',
  );
  const statuses = merged.stored.map((r) => r[STORED_STATUS]);
  t.equal(merged.summary.questions, statuses.length);
  t.equal(merged.summary.auto, statuses.filter((s) => s === 'auto').length);
  t.equal(mergePrepared([parts[1]]), parts[1], 'one part is the whole');
});

t.test('merging parts that are all empty gives an empty array of rows', async (t) => {
  const merged = mergePrepared([json('[]'), json('[]'), json('[]')]);
  t.equal(Buffer.concat(merged.rowsJson).toString('utf8'), '[]');
  t.same(merged.summary, json('[]').summary);
  t.same(merged.stored, []);
});

t.test('merging JSON arrays given in pieces, with empty parts between them', async (t) => {
  const merged = mergePrepared([json('[1', ',2]'), json('[]'), json('[', '3', ']'), json('[4]')]);
  t.equal(Buffer.concat(merged.rowsJson).toString('utf8'), '[1,2,3,4]');
});

/** A part with no stored rows whose rows' JSON is the given pieces. */
function json(...pieces: string[]): Prepared {
  return {
    kind: 'xlsx',
    sheets: [],
    notes: [],
    stored: [],
    summary: { questions: 0, auto: 0, review: 0, unmatched: 0, confirmed: 0 },
    rowsJson: pieces.map((p) => new Uint8Array(Buffer.from(p))),
  };
}

t.test('a part waiting for its questions is given part 0’s refusal, and fails when part 0 stopped without a word', async (t) => {
  const started = () => new MessageChannel().port2;
  const bad = new Uint8Array(readFileSync(fixture('workbooks/bad-encrypted.xlsx')));
  const handOff = new MessageChannel();
  const waiting = analyseTask({ input: input(new Uint8Array(0), 'bad.xlsx', { index: 1, of: 2 }), started: started(), handOff: { from: handOff.port2 } });
  const reading = await analyseTask({ input: input(bad, 'bad.xlsx', { index: 0, of: 2 }), started: started(), handOff: { to: [handOff.port1] } });
  t.match(reading, { ok: false, error: { code: 'password_protected' } });
  t.same(await waiting, reading, 'the same refusal, without reading');

  const silent = new MessageChannel();
  const orphan = analyseTask({ input: input(new Uint8Array(0), 'q.xlsx', { index: 1, of: 2 }), started: started(), handOff: { from: silent.port2 } });
  silent.port1.close();
  await t.rejects(orphan, /stopped before handing over its questions/, 'a bug (500), not a hang');
});
