/** Spawning the child of writer-child.ts from the sources, and reading its output line by line. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./writer-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Child {
  readonly process: ChildProcess;
  /** Complete lines printed so far (a line cut by a kill is not one). */
  readonly lines: string[];
  /** Resolves with the first line that starts with `prefix` ("ready", "error"), or rejects when the child exits first. */
  waitFor(prefix: string): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnChild(args: readonly string[]): Child {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let partial = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    partial += chunk;
    let newline: number;
    while ((newline = partial.indexOf('\n')) >= 0) {
      const line = partial.slice(0, newline);
      partial = partial.slice(newline + 1);
      lines.push(line);
      for (const waiter of waiters.filter((candidate) => line.startsWith(candidate.prefix))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const waiter of waiters.splice(0)) waiter.reject(new Error(`child exited (${code ?? signal}) before "${waiter.prefix}"; output: ${lines.join(' | ')}; stderr: ${stderr.slice(-2000)}`));
      resolve({ code, signal });
    }),
  );
  return {
    process: child,
    lines,
    exited,
    waitFor: (prefix) => {
      const seen = lines.find((line) => line.startsWith(prefix));
      if (seen !== undefined) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`child already exited; output: ${lines.join(' | ')}; stderr: ${stderr.slice(-2000)}`));
      return new Promise((resolve, reject) => waiters.push({ prefix, resolve, reject }));
    },
  };
}
