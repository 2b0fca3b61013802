import t from 'tap';
import { fileURLToPath } from 'node:url';
import { loadItemsFile } from '../../src/matching/evaluate.js';
import { compileTerm, loadLexicon } from '../../src/matching/lexicon.js';
import { foldText } from '../../src/matching/text.js';

const lexicon = loadLexicon();
const items = loadItemsFile(fileURLToPath(new URL('../../fixtures/meti-items.json', import.meta.url)));

t.test('every item has an English title and aliases in Japanese and English', async (t) => {
  for (const item of items) {
    const e = lexicon.items[String(item.no)];
    t.ok(e, `item ${item.no} has an entry`);
    t.ok(e.titleEn.length > 3, `item ${item.no} has an English title`);
    t.ok(e.ja.length >= 3, `item ${item.no} has Japanese aliases`);
    t.ok(e.en.length >= 1, `item ${item.no} has English aliases`);
  }
  t.equal(Object.keys(lexicon.items).length, items.length, 'no entry for an item that does not exist');
});

t.test('the negative topics cover what questionnaires ask and no item answers', async (t) => {
  const all = lexicon.negative.flatMap((n) => [...n.ja, ...n.en]).map(foldText);
  for (const word of ['多要素認証', 'mfa', '反社会的勢力', '資本金', 'sso', 'waf', 'ddos', 'nda', 'csirt', '教育', 'pricing']) {
    t.ok(all.includes(foldText(word)), word);
  }
});

t.test('no wording is both an item alias and a negative topic', async (t) => {
  const negative = new Set(lexicon.negative.flatMap((n) => [...n.ja, ...n.en]).map(foldText));
  for (const [no, e] of Object.entries(lexicon.items)) {
    for (const a of [...e.ja, ...e.en]) t.notOk(negative.has(foldText(a)), `item ${no}: 「${a}」`);
  }
});

t.test('"A+B" aliases compile to parts that must all occur', async (t) => {
  const term = compileTerm('障害+連絡体制', 14, 'alias');
  t.same(term?.parts, ['障害', '連絡体制']);
  t.equal(compileTerm(' + ', 1, 'alias'), null);
});
