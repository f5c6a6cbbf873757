/**
 * The workspace's maintenance commands as an operator runs them on a PGlite data folder:
 * `peakpath audit verify`, `peakpath backup`, `peakpath restore` (into an empty workspace only),
 * and a tampered audit record named by its number.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Actor } from '@peakpath/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakpath } from './support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'peakpath-workspace-cli-'));
const source = join(dir, 'source');
const copy = join(dir, 'copy');
const backup = join(dir, 'workspace.backup');

describe('backup, restore and audit verify', () => {
  let records = 0;
  beforeAll(async () => {
    const store = await openStore({ dataDir: source });
    try {
      const user = await store.createUser({ kind: 'public' }, { email: 'admin@example.org', name: 'Admin', passwordHash: 'x', admin: true });
      const admin: Actor = { kind: 'user', userId: user.id, admin: true };
      const city = await store.createEntity(admin, { slug: 'demo', kind: 'city', name: 'Demo City', nameZh: '示例市', country: 'CN', parentId: null });
      const { document } = await store.createDocument(admin, { entityId: city.id, kind: 'inventory', name: '2022', body: { year: 2022, activities: [] }, comment: 'first' });
      await store.saveVersion(admin, document.id, { expectedVersion: 1, body: { year: 2022, activities: [], note: 'second' }, comment: 'second' });
      const verdict = await store.verifyAudit();
      records = verdict.records;
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies the chain of a workspace, in English and in Chinese', () => {
    expect(records).toBeGreaterThanOrEqual(4);
    const en = peakpath(['audit', 'verify', '--data', source]);
    expect(en.stderr).toBe('');
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(new RegExp(`^Audit chain verified: ${records} records, head [0-9a-f]{64}\\n$`));
    const zh = peakpath(['audit', 'verify', '--data', source, '--lang', 'zh']);
    expect(zh.stdout).toMatch(new RegExp(`^审计链完整：${records} 条记录，链头 [0-9a-f]{64}\\n$`));
  }, 120_000);

  it('backs up to one file and restores it into an empty workspace with the same chain; a second restore is refused', () => {
    const saved = peakpath(['backup', backup, '--data', source]);
    expect(saved.status).toBe(0);
    expect(saved.stdout).toContain(`${records} audit records`);
    const restored = peakpath(['restore', backup, '--data', copy]);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    const head = (run: ReturnType<typeof peakpath>) => /head ([0-9a-f]{64})/.exec(run.stdout)?.[1];
    expect(head(peakpath(['audit', 'verify', '--data', copy]))).toBe(head(peakpath(['audit', 'verify', '--data', source])));
    const again = peakpath(['restore', backup, '--data', copy]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('only into an empty workspace');
  }, 180_000);

  it('names the first tampered record and exits 1', async () => {
    const store = await openStore({ dataDir: copy });
    try {
      await store.database.transaction('system', (tx) => tx.query("UPDATE audit_log SET action = 'document.save-edited' WHERE seq = 3"));
    } finally {
      await store.close();
    }
    const run = peakpath(['audit', 'verify', '--data', copy]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`Audit chain broken at record 3: record 3's fields do not match its hash (2 records before it hold)\n`);
    const zh = peakpath(['audit', 'verify', '--data', copy, '--lang', 'zh']);
    expect(zh.stderr).toBe('审计链在第 3 条记录处断开：第 3 条记录的内容与其哈希不符（记录被改动）（此前 2 条完好）\n');
  }, 120_000);
});
