// The items qmap ships, as a matcher's knowledge with nothing learned yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Item } from '../../src/domain.js';
import type { Knowledge } from '../../src/pipeline/knowledge.js';
import { fixturesDir } from '../../src/paths.js';

export const items: Item[] = (JSON.parse(readFileSync(join(fixturesDir, 'meti-items.json'), 'utf8')) as { items: Item[] }).items;

export function knowledge(more: Partial<Knowledge> = {}): Knowledge {
  return { revision: 1, items, learned: [], library: [], ...more };
}
