/**
 * `peakpath admin create|set-password` on a PGlite data folder, as an operator runs it: the first
 * administrator with a generated password shown once (or PEAKPATH_PASSWORD), refused once the workspace
 * has users; a password reset for a known email only; a short password refused. The new password signs in.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '@peakpath/store';
import { verifyPassword } from '@peakpath/server';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'peakpath-admin-cli-'));
const data = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function admin(args: readonly string[], password?: string) {
  // English by locale, the data folder (never a DATABASE_URL of the machine), the password only when given.
  const { LC_ALL: _lcAll, PEAKPATH_LANG: _lang, DATABASE_URL: _database, PEAKPATH_PASSWORD: _password, ...inherited } = process.env;
  const env: NodeJS.ProcessEnv = { ...inherited, LANG: 'C', ...(password === undefined ? {} : { PEAKPATH_PASSWORD: password }) };
  const run = spawnSync(process.execPath, [join(ROOT, 'packages', 'cli', 'bin', 'peakpath.js'), 'admin', ...args, '--data', data], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function passwordHashOf(email: string): Promise<string> {
  const store = await openStore({ dataDir: data });
  try {
    return (await store.userByEmail(email))!.passwordHash;
  } finally {
    await store.close();
  }
}

describe('peakpath admin', () => {
  it('creates the first administrator with a generated password shown once, which verifies', async () => {
    const run = admin(['create', 'Chief@Example.org']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const match = /^created administrator: chief@example\.org\npassword: (\S{20}) \(shown once\)\n$/.exec(run.stdout);
    expect(match, run.stdout).not.toBeNull();
    expect(await verifyPassword(await passwordHashOf('chief@example.org'), match![1]!)).toBe(true);
  }, 120_000);

  it('refuses a second `create`, in the language asked for', () => {
    const en = admin(['create', 'second@example.org']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('the workspace has users already');
    const zh = admin(['create', 'second@example.org', '--lang', 'zh']);
    expect(zh.stderr).toContain('工作区已有用户');
  }, 120_000);

  it('sets a password from PEAKPATH_PASSWORD, refuses a short one and an unknown email', async () => {
    expect(admin(['set-password', 'chief@example.org'], 'short').stderr).toBe('PEAKPATH_PASSWORD: at least 12 characters\n');
    const unknown = admin(['set-password', 'nobody@example.org'], 'a long enough password');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('no user with email nobody@example.org\n');
    const set = admin(['set-password', 'chief@example.org'], 'a long enough password');
    expect(set.stdout).toBe('password set: chief@example.org\n');
    expect(await verifyPassword(await passwordHashOf('chief@example.org'), 'a long enough password')).toBe(true);
  }, 120_000);
});
