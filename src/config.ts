// The service's whole configuration, read from the environment once at start and validated here,
// so a bad value stops the service with a message naming the variable and what is allowed.
import { z } from 'zod';

const int = (def: number, min: number, max: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` })
    .default(def);
const MiB = 1024 * 1024;
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const configSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(3000, 0, 65535),
  QMAP_DB: z.string().min(1).default('./data/qmap.db'),
  /** Optional: an admin token with exactly this value exists after start (for scripts and tests). */
  QMAP_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  QMAP_LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  QMAP_MAX_UPLOAD_BYTES: int(20 * MiB, 1024, 1024 * MiB),
  QMAP_MAX_UNCOMPRESSED_BYTES: int(200 * MiB, 1024, 8192 * MiB),
  QMAP_MAX_SHEETS: int(50, 1, 10_000),
  QMAP_MAX_ROWS: int(100_000, 10, 1_048_576),
  QMAP_MAX_COLUMNS: int(200, 2, 16_384),
  /** Seconds one upload may spend being read, detected and matched before it is abandoned. */
  QMAP_PARSE_TIMEOUT_S: int(60, 1, 3600),
  QMAP_PARSE_MEMORY_MB: int(1024, 64, 16_384),
  QMAP_WORKERS: int(2, 1, 64),
  QMAP_RETENTION_DAYS: int(30, 1, 36_500),
  /** Overrides of the calibrated matcher thresholds (fixtures/thresholds.json), in [0, 1]. */
  QMAP_AUTO_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  QMAP_REVIEW_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  /**
   * Whether to believe X-Forwarded-For (behind a reverse proxy): false (default), true, a number of proxy hops,
   * or the proxies' addresses (comma-separated IPs or CIDRs). Rate limits count by the address it yields.
   */
  QMAP_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, c): boolean | number | string => {
      if (v === undefined || v === '' || v === 'false') return false;
      if (v === 'true') return true;
      if (/^\d+$/.test(v)) return Number(v);
      if (/^[\d.:a-fA-F/]+(,\s*[\d.:a-fA-F/]+)*$/.test(v)) return v;
      c.addIssue({ code: 'custom', message: 'must be false, true, a number of proxy hops, or comma-separated addresses' });
      return false;
    }),
  /**
   * Disk space kept free beside the database (a reserve file) so that deleting questionnaires works on a full
   * disk; by default twice the largest upload and 8 MiB more.
   */
  QMAP_DISK_RESERVE_MB: z.coerce.number({ error: 'must be a whole number of MiB' }).int().min(0).max(65_536).optional(),
  /** Keep the customer's row heights even where an answer would be clipped (by default rows grow to fit). */
  QMAP_KEEP_ROW_HEIGHTS: z
    .enum(['0', '1'], { error: 'must be 0 or 1' })
    .default('0')
    .transform((v) => v === '1'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Validates the environment; throws ConfigError whose message names every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(configSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = configSchema.safeParse(known);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])] ?? '')}: ${i.message}`);
  throw new ConfigError(`qmap: invalid configuration:\n${lines.join('\n')}`);
}

/** The reserve kept free for deletions, in bytes (QMAP_DISK_RESERVE_MB, else twice the largest upload and 8 MiB). */
export const diskReserve = (config: Config) => (config.QMAP_DISK_RESERVE_MB ?? Math.ceil((2 * config.QMAP_MAX_UPLOAD_BYTES) / MiB) + 8) * MiB;

export function limitsOf(config: Config) {
  return {
    uploadBytes: config.QMAP_MAX_UPLOAD_BYTES,
    uncompressedBytes: config.QMAP_MAX_UNCOMPRESSED_BYTES,
    sheets: config.QMAP_MAX_SHEETS,
    rows: config.QMAP_MAX_ROWS,
    columns: config.QMAP_MAX_COLUMNS,
  };
}
