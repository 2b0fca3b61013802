// Turns the vendor's filled-in METI checklist (tab-separated export) into fixtures/meti-items.json.
// Run once when the seed changes: tsx scripts/import-seed.ts <seed.txt>
import { readFileSync, writeFileSync } from 'node:fs';
import { parseSeed } from '../src/items/seed.js';

const [, , seedPath = '../shared/seed/000_a6f81986ff207687.txt', out = 'fixtures/meti-items.json'] = process.argv;
const items = parseSeed(readFileSync(seedPath, 'utf8'));
writeFileSync(out, JSON.stringify({ source: seedPath.split('/').pop(), items }, null, 2) + '\n');
console.log(`wrote ${items.length} items to ${out}`);
