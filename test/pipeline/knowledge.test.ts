// What matching knows, compiled once per revision: the answer library lookup (a question worded as one the
// vendor answered before gets that answer) and the matcher.
import t from 'tap';
import type { LibraryAnswer } from '../../src/domain.js';
import { dice, questionKey } from '../../src/matching/near.js';
import { compiled, LIBRARY_NEAR as NEAR_IDENTICAL } from '../../src/pipeline/knowledge.js';
import { knowledge } from '../helpers/knowledge.js';

type LibraryHit = LibraryAnswer;
let revision = 0;
/** The library's lookup, as an upload's worker builds it. */
const libraryIndex = (entries: LibraryAnswer[]) => {
  const built = compiled(knowledge({ revision: ++revision, library: entries }));
  return { find: (q: string) => built.libraryAnswer(q) };
};
const entry = (id: string, question: string): LibraryHit => ({ id, question, answer: `answer ${id}`, choice: null });
const library = [
  entry('a', '反社会的勢力との関係がないことを表明できますか。'),
  entry('b', '直近3期分の決算書をご提出いただけますか。'),
  entry('c', '反社会的勢力との関係がないことを表明できますか'),
  entry('d', 'x'),
];

t.test('a question worded like a library entry gets its answer; another topic gets none', async (t) => {
  const index = libraryIndex(library);
  t.equal(index.find('直近３期分の決算書をご提出いただけますか？')?.id, 'b');
  t.equal(index.find('貴社の決算書（直近3期分）を提出できますか。'), null);
  t.equal(index.find('x')?.id, 'd');
  t.equal(libraryIndex([]).find('x'), null);
});

t.test('of two entries with the same wording, the later one answers', async (t) => {
  t.equal(libraryIndex(library).find('反社会的勢力との関係がないことを表明できますか。')?.id, 'c');
});

t.test('the index finds what comparing with every entry finds', async (t) => {
  // The plain definition: the last entry with the same key, else the best Dice similarity of the keys,
  // at least NEAR_IDENTICAL, the earlier entry winning ties.
  const plain = (question: string) => {
    const key = questionKey(question);
    const same = library.filter((e) => questionKey(e.question) === key).at(-1);
    if (same) return same;
    let best: LibraryHit | null = null;
    let score = NEAR_IDENTICAL;
    // Of two entries with the same wording only the later one is kept.
    const kept = library.filter((e, i) => !library.slice(i + 1).some((l) => questionKey(l.question) === questionKey(e.question)));
    for (const e of kept) {
      const s = dice(key, questionKey(e.question));
      if (s >= score && (!best || s > score)) [best, score] = [e, s];
    }
    return best;
  };
  const index = libraryIndex(library);
  const questions = [...library.map((e) => e.question), '直近3期の決算書をご提出いただけますか', '決算書', '', 'x', 'xy', '反社会的勢力との関係がないことを表明'];
  for (const q of questions) t.equal(index.find(q), plain(q), q);
});

t.test('the same revision reuses what was compiled; a new revision compiles afresh', async (t) => {
  const first = compiled(knowledge({ revision: 1000, library }));
  t.equal(compiled(knowledge({ revision: 1000, library: structuredClone(library) })), first, 'the same revision (a fresh copy, as a worker gets it): the same matcher and index');
  const edited = structuredClone(library);
  edited[1] = entry('b', '貴社の従業員数を教えてください。');
  const changed = compiled(knowledge({ revision: 1001, library: edited }));
  t.not(changed, first);
  t.equal(changed.libraryAnswer('直近３期分の決算書をご提出いただけますか？'), null, 'the entry as it was is gone');
  t.equal(changed.libraryAnswer('貴社の従業員数を教えてください')?.id, 'b', 'the entry as it is now is found');
});
