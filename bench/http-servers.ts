import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'packages', 'cli', 'bin', 'peakpath.js');

/** A `peakpath serve` process started from the built CLI, as `npm start` runs it. */
export interface ServeProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Everything it printed to standard output so far. */
  output(): string;
  /** SIGTERM, then waits for the exit; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `peakpath serve --port 0` and resolves when it prints its address (the first start also prints
 * the admin's sign-in line before that; `output()` holds it). `env` adds DATABASE_URL and the like.
 */
export async function startServe(args: readonly string[], env: Readonly<Record<string, string>> = {}, timeoutMs = 120_000): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`peakpath serve did not start in ${timeoutMs} ms:\n${stdout}${stderr}`)), timeoutMs);
    const look = () => {
      // The start is printed as one block that ends with the docs line.
      const match = /serving on (http:\/\/\S+)[\s\S]*API docs[^\n]*\n/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`peakpath serve exited with ${String(code)} before listening:\n${stdout}${stderr}`));
    });
  });
  return {
    child,
    url,
    output: () => stdout,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** The first start's sign-in line: `sign in / 登录: <email> with password <password>`. */
export function signInLine(output: string): { email: string; password: string } | null {
  const match = /sign in \/ 登录: (\S+) with password (\S+)/.exec(output);
  return match ? { email: match[1]!, password: match[2]! } : null;
}
