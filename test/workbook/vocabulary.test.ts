import t from 'tap';
import { isSpace, compareKey, hasCompareKey } from '../../src/workbook/vocabulary.js';

const codePoints = function* () {
  for (let c = 0; c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) yield String.fromCodePoint(c);
};

t.test('isSpace is exactly \\s', async (t) => {
  const wrong: number[] = [];
  for (let u = 0; u <= 0xffff; u++) if (isSpace(u) !== /\s/.test(String.fromCharCode(u))) wrong.push(u);
  t.same(wrong, []);
});

t.test("what hasCompareKey relies on holds for this runtime's Unicode", async (t) => {
  let longest = 0;
  const onlySpaces: string[] = [];
  const spaceFirst: string[] = [];
  const lowerShrinks: string[] = [];
  for (const s of codePoints()) {
    const nfd = [...s.normalize('NFD')];
    longest = Math.max(longest, nfd.length);
    if (nfd.length > 1 && /\s/.test(nfd[0])) spaceFirst.push(s);
    if (/\s/.test(s)) continue;
    if (!/\S/.test(s.normalize('NFKC'))) onlySpaces.push(s);
    const lower = s.toLowerCase();
    if (!/\S/.test(lower) || [...lower].length < 1) lowerShrinks.push(s);
  }
  t.ok(longest <= 4, `a composed character stands for at most 4 code points (${longest})`);
  t.same(onlySpaces, [], 'no visible character normalises to spaces only');
  t.same(spaceFirst, [], 'no character composes onto a space');
  t.same(lowerShrinks, [], 'lower-casing keeps every visible character visible');
});

t.test('hasCompareKey answers as compareKey(s) === target does', async (t) => {
  const targets = ['質問', '確認事項', 'question', 'ガ', '가', 'ᾂ', 'no.', ''];
  const texts = [
    '質問', ' 質 問 ', '質問内容', '確認事項', '確認事項／Question', 'ＱＵＥＳＴＩＯＮ', 'Question', 'ｶﾞ', 'カ\u3099', '가', '\u1100\u1161', 'ᾂ',
    '\u03b1\u0313\u0300\u0345', 'No.', 'Ｎｏ．', '㍿', 'ﷺ', '𝐐𝐮𝐞𝐬𝐭𝐢𝐨𝐧', '\u3000質問\u3000', '情報セキュリティ方針を定めていますか。',
  ];
  for (const target of targets) for (const s of texts) t.equal(hasCompareKey(s, target), compareKey(s) === target, `${s} → ${target}`);
});
