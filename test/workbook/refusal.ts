import { QmapError } from '../../src/errors.js';

/** The QmapError a call refuses with; fails the test when it is accepted or throws anything else. */
export function refusal(call: () => unknown): QmapError {
  try {
    call();
  } catch (e) {
    if (e instanceof QmapError) return e;
    throw e;
  }
  throw new Error('accepted, where a refusal was expected');
}
