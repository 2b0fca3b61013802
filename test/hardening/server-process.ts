// The real server as a child process on a given database, for tests that kill it and for the load bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { root } from '../../src/paths.js';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** What it wrote to stdout alone (the JSON log stream) and to stderr alone (the terminal). */
  stdout(): string;
  stderr(): string;
  /** SIGTERM and wait for the exit; kill -9 is `child.kill('SIGKILL')`. */
  stop(): Promise<void>;
  exited: Promise<unknown>;
}

/** `command`: how to run the server, TypeScript sources by default, `['dist/src/server.js']` when built. Needs QMAP_LOG_LEVEL info or lower: the start is seen in the log. */
export async function startServer(env: Record<string, string>, command = ['--import', 'tsx', join(root, 'src', 'server.ts')]): Promise<ServerProcess> {
  const child = spawn(process.execPath, command, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', QMAP_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => ((out += b), (stdout += b)));
  child.stderr!.on('data', (b: Buffer) => ((out += b), (stderr += b)));
  const exited = once(child, 'exit');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${out}`)), 60_000);
    const look = () => {
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the server exited before listening:\n${out}`));
    });
  });
  return {
    url,
    child,
    output: () => out,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
