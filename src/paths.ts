// The project's folders, found the same way from src/ (tsx) and from dist/src/ (built).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('qmap: cannot find the project folder (no package.json above src/)');
    dir = up;
  }
  return dir;
}

export const root = findRoot();
export const migrationsDir = join(root, 'migrations');
export const fixturesDir = join(root, 'fixtures');
export const webDir = join(root, 'src', 'web');
