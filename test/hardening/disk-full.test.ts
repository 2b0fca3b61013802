// A disk that is really full (a small tmpfs the database lives on): uploads get 507 and nothing half-saved,
// and deleting a questionnaire still works — it is how room is made — then uploads work again.
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checksheet } from '../helpers/workbooks.js';
import { startServer } from './server-process.js';

const ADMIN = 'qmap_disk-full-test-admin-token-0123';

/** A 24 MiB filesystem of its own; null where this machine does not let the test mount one. */
function smallDisk(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'qmap-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

const disk = smallDisk();

t.test('on a full disk, uploads get 507 and deleting still works, making room', { skip: !disk && 'mounting a tmpfs needs root' }, async (t) => {
  t.teardown(() => {
    execFileSync('umount', [disk!]);
    rmSync(disk!, { recursive: true, force: true });
  });
  const db = join(disk!, 'qmap.db');
  const server = await startServer({ QMAP_DB: db, QMAP_ADMIN_TOKEN: ADMIN, QMAP_MAX_UPLOAD_BYTES: String(2 * 1024 * 1024), QMAP_WORKERS: '1' });
  t.teardown(() => server.stop());
  t.ok(existsSync(`${db}.reserve`), 'a reserve is kept beside the database');
  const auth = { authorization: `Bearer ${ADMIN}` };
  // Questions long enough that each upload takes a few MiB with its rows: the disk fills in a few uploads.
  const book = await checksheet(Array.from({ length: 400 }, (_, i) => `${'通信はTLS1.2以上で暗号化されていますか。'.repeat(20)}（${i}）`));
  const post = () => {
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(book)]), 'big.xlsx');
    return fetch(`${server.url}/v1/questionnaires`, { method: 'POST', headers: auth, body: fd });
  };
  const ids: string[] = [];
  let full: Response | null = null;
  for (let i = 0; i < 40 && !full; i++) {
    const res = await post();
    if (res.status === 201) ids.push(((await res.json()) as { id: string }).id);
    else full = res;
  }
  t.ok(ids.length > 0, `${ids.length} uploads fitted`);
  t.equal(full?.status, 507, 'then the disk is full: 507');
  t.match(await full?.json(), { code: 'storage_full' });

  for (const id of ids) {
    const del = await fetch(`${server.url}/v1/questionnaires/${id}`, { method: 'DELETE', headers: auth });
    t.equal(del.status, 204, 'deleting works on the full disk');
  }
  t.equal((await post()).status, 201, 'and there is room again');
  t.equal((await fetch(`${server.url}/healthz`)).status, 200);
});
