// Remembering pure functions for the arguments they get again.
import { createHash } from 'node:crypto';

/**
 * A function of a string, for the last few thousand arguments: a question's text signals are needed again
 * right after (the context pass) and for repeated questions, but keeping every one of a 10,000-question
 * upload alive only makes the garbage collector copy them.
 */
export function memo<T>(f: (key: string) => T, max = 4096): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      cache.set(key, (v = f(key)));
    }
    return v;
  };
}

/**
 * Remembering a function of a list by the list's content, for the last `keep` lists: each upload brings its
 * own copy of the reviewers' decisions and the answer library, unchanged since the last upload more often
 * than not, and indexing 10,000 decisions took ~0.2 s where hashing them takes a few milliseconds.
 */
export function memoByContent<T, R>(f: (list: readonly T[]) => R, keep = 2): (list: readonly T[]) => R {
  const cache = new Map<string, R>();
  return (list) => {
    const key = createHash('sha256').update(JSON.stringify(list)).digest('base64');
    let v = cache.get(key);
    if (v === undefined) {
      v = f(list);
      if (cache.size >= keep) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(key);
    }
    cache.set(key, v);
    return v;
  };
}
