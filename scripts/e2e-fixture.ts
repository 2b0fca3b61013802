// Regenerates fixtures/e2e/security-checksheet.xlsx, the review page's test questionnaire (see test/e2e/fixture.ts).
import { makeFixture } from '../test/e2e/fixture.js';

process.stdout.write(`${await makeFixture()}\n`);
