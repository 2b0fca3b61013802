// What every service works with: the database, the configuration, and where the heavy work runs.
import type { Config } from '../config.js';
import type { Runner } from '../pipeline/pool.js';
import type { Db } from '../store/db.js';

export interface Context {
  db: Db;
  config: Config;
  runner: Runner;
}
