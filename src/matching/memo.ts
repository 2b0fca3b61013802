// Remembering pure functions for the arguments they get again.

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
