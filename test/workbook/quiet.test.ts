import t from 'tap';
import { quietly } from '../../src/workbook/package/sheetjs.js';

t.test('what SheetJS prints about a customer\'s file never reaches the log, and the console comes back afterwards', async (t) => {
  const printed: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => printed.push(args);
  t.teardown(() => {
    console.error = original;
  });
  const spy = console.error;
  t.equal(
    quietly(() => {
      console.error('Could not parse defined name 顧客の内部名');
      console.warn('ODS number format may be incorrect: [>=0]');
      return 42;
    }),
    42,
  );
  t.same(printed, [], 'nothing was printed during the call');
  t.throws(() => quietly(() => { throw new Error('unreadable'); }), /unreadable/, 'an error still comes through');
  t.equal(console.error, spy, 'the console is the same afterwards, even after an error');
  console.error('after');
  t.same(printed, [['after']]);
});
