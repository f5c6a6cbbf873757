import { resolve } from 'node:path';
import type { Lang } from '@peakpath/core';
import { backupStore, openStoreFromEnv, restoreStore, StoreError, type AuditFault, type BackupSummary, type SqlStore } from '@peakpath/store';
import type { CommandOutput } from '../output.ts';

/**
 * The workspace's maintenance commands, run on the server's machine against its database (DATABASE_URL,
 * else the data folder — which a running server holds locked on PGlite: stop it first, or back up the
 * PostgreSQL database while servers run, since the backup reads one consistent snapshot):
 * `peakpath backup FILE`, `peakpath restore FILE` (into an empty workspace only) and `peakpath audit verify`.
 */
export interface WorkspaceOptions {
  readonly data: string;
  readonly lang: Lang;
}

/** Opens the workspace's store (`--data` or DATABASE_URL), runs `work`, closes it; the store's refusals exit 2 with its message. */
export async function withStore<T>(options: { readonly data: string }, work: (store: SqlStore) => Promise<T | CommandOutput>): Promise<T | CommandOutput> {
  let store: SqlStore;
  try {
    store = await openStoreFromEnv(process.env, resolve(options.data));
  } catch (error) {
    // A locked folder, a refused database role: the store's message says what to do.
    if (error instanceof StoreError) return { status: 2, stderr: `${error.message}\n` };
    throw error;
  }
  try {
    return await work(store);
  } catch (error) {
    if (error instanceof StoreError) return { status: 2, stderr: `${error.message}\n` };
    throw error;
  } finally {
    await store.close();
  }
}

function summary(verb: { en: string; zh: string }, file: string, result: BackupSummary, lang: Lang): string {
  const rows = Object.values(result.rows).reduce((sum, n) => sum + n, 0);
  return lang === 'zh'
    ? `${verb.zh} ${file}：${rows} 行（${Object.keys(result.rows).length} 张表），审计记录 ${result.auditRecords} 条，结构版本 ${result.schemaVersion}\n`
    : `${verb.en} ${file}: ${rows} rows (${Object.keys(result.rows).length} tables), ${result.auditRecords} audit records, schema version ${result.schemaVersion}\n`;
}

/** `peakpath backup FILE`: every table in one snapshot, to one file (written aside, then renamed). */
export function backupCommand(file: string, options: WorkspaceOptions): Promise<CommandOutput> {
  return withStore(options, async (store) => ({ status: 0, stdout: summary({ en: 'Backed up to', zh: '已备份到' }, file, await backupStore(store, resolve(file)), options.lang) }));
}

/** `peakpath restore FILE`: into an empty workspace, in one transaction, the audit chain and body hashes verified before it commits. */
export function restoreCommand(file: string, options: WorkspaceOptions): Promise<CommandOutput> {
  return withStore(options, async (store) => ({ status: 0, stdout: summary({ en: 'Restored from', zh: '已恢复自' }, file, await restoreStore(store, resolve(file)), options.lang) }));
}

const FAULT_ZH: Record<AuditFault, (seq: number) => string> = {
  missing: (seq) => `第 ${seq} 条记录缺失`,
  link: (seq) => `第 ${seq} 条记录未链接到第 ${seq - 1} 条的哈希`,
  hash: (seq) => `第 ${seq} 条记录的内容与其哈希不符（记录被改动）`,
  truncated: () => '链尾的记录被删除（链头记录的条数多于现存记录）',
};

/** `peakpath audit verify`: walks the hash chain; exit 1 and the first broken link when it does not hold. */
export function auditVerifyCommand(options: WorkspaceOptions): Promise<CommandOutput> {
  return withStore(options, async (store) => {
    const verdict = await store.verifyAudit();
    if (verdict.ok) {
      return {
        status: 0,
        stdout: options.lang === 'zh' ? `审计链完整：${verdict.records} 条记录，链头 ${verdict.head}\n` : `Audit chain verified: ${verdict.records} records, head ${verdict.head}\n`,
      };
    }
    return {
      status: 1,
      stderr:
        options.lang === 'zh'
          ? `审计链在第 ${verdict.brokenAt} 条记录处断开：${FAULT_ZH[verdict.fault](verdict.brokenAt)}（此前 ${verdict.records} 条完好）\n`
          : `Audit chain broken at record ${verdict.brokenAt}: ${verdict.reason} (${verdict.records} records before it hold)\n`,
    };
  });
}
