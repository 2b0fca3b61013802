import { join } from 'node:path';
import t from 'tap';
import { labelledQuestions, readLabels } from '../../src/labels.js';
import { dice, groupNear, nearIndex, questionKey } from '../../src/matching/near.js';

const fixtures = join(import.meta.dirname, '../../fixtures');
const questions = ['eval-holdout', 'eval-holdout2', 'matching/paraphrases'].flatMap((set) =>
  labelledQuestions(readLabels(join(fixtures, set))).map((q) => q.text),
);

/** The definition: the most similar entry at or above the threshold, the earliest of equals. */
function bruteForce(keys: Map<string, string>, question: string, threshold: number) {
  const asked = questionKey(question);
  let best: { entry: string; similarity: number } | null = null;
  for (const [key, entry] of keys) {
    const similarity = dice(asked, key);
    if (similarity >= threshold && (!best || similarity > best.similarity)) best = { entry, similarity };
  }
  return best;
}

t.test('a question asked again with a word changed finds the remembered one, exactly as comparing it with every entry would', async (t) => {
  const remembered = questions.filter((_, i) => i % 2 === 0);
  const asked = questions.flatMap((q, i) => [q, i % 2 ? q.slice(1) : q.replace('の', 'における')]);
  const keys = new Map<string, string>();
  for (const e of remembered) if (questionKey(e)) keys.set(questionKey(e), e);
  for (const threshold of [0.85, 0.6]) {
    const index = nearIndex(remembered, (e) => e, threshold);
    let found = 0;
    for (const q of asked) {
      const want = bruteForce(keys, q, threshold);
      const got = index.find(q);
      if (want) found++;
      if (got?.entry !== want?.entry || got?.similarity !== want?.similarity) t.fail(`${threshold}: 「${q}」 found ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
    t.ok(found > remembered.length, `${found} of ${asked.length} questions are near a remembered one at ${threshold}`);
  }
});

t.test('grouping keys puts each in the first group alike enough, exactly as comparing it with every group would', async (t) => {
  /** The definition: the first group whose first key is at least `threshold` alike, else a new one. */
  const naive = (keys: string[], threshold: number) => {
    const firsts: string[] = [];
    return keys.map((k) => {
      const g = firsts.findIndex((f) => dice(f, k) >= threshold);
      return g >= 0 ? g : firsts.push(k) - 1;
    });
  };
  // Questions, questions with a word changed or cut short, English and Japanese, repeated, and keys without
  // a single gram (dice is 1 only for the same key then).
  const keys = questions
    .flatMap((q, i) => [q, q.replace('の', 'における'), q.slice(0, Math.max(1, q.length - 1 - (i % 7))), i % 3 ? q : '・'])
    .map(questionKey)
    .filter(Boolean)
    .concat(['a', 'a', 'b', '1', '1']);
  for (const threshold of [0.6, 0.85, 0.3]) {
    const groups = groupNear(keys, threshold);
    t.same(groups, naive(keys, threshold), `threshold ${threshold}: ${new Set(groups).size} groups of ${keys.length} keys`);
  }
  t.same(groupNear([], 0.6), []);
});
