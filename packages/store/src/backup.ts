import { createReadStream } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { verifyChain } from './audit.ts';
import { bodyHash } from './canonical.ts';
import { toIso, toNumber, type Queryable, type Row } from './db.ts';
import { bilingual } from './messages.ts';
import { migrations } from './migrate.ts';
import * as schema from './schema.ts';
import type { SqlStore } from './sql-store.ts';
import { StoreError } from './store.ts';

/**
 * Logical backup: every table, read in one REPEATABLE READ snapshot, to one JSON-lines file: a header
 * (format, schema version and migrations), one line per row, and an end line with the counts, so a
 * truncated file is refused. Restore loads it into an empty store in one transaction and verifies the
 * audit chain and every version's body hash before it commits. The same file serves both databases.
 */
const FORMAT = 'peakpath-backup';
const FORMAT_VERSION = 1;

/** In the order a restore inserts them (foreign keys point backwards in this list). */
const TABLES: readonly PgTable[] = [schema.users, schema.sessions, schema.apiTokens, schema.networks, schema.entities, schema.networkMembers, schema.clusterMembers, schema.grants, schema.documents, schema.documentVersions, schema.comments, schema.resultCache, schema.jobs, schema.auditLog];

interface TableShape {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly key: string;
}

const shapes: readonly TableShape[] = TABLES.map((table) => {
  const config = getTableConfig(table);
  const primary = config.columns.filter((column) => column.primary).map((column) => column.name);
  const keyColumns = primary.length > 0 ? primary : (config.primaryKeys[0]?.columns.map((column) => column.name) ?? config.columns.map((column) => column.name));
  return { name: config.name, columns: config.columns.map((column) => ({ name: column.name, type: column.columnType })), key: keyColumns.join(', ') };
});

export interface BackupSummary {
  readonly schemaVersion: number;
  readonly rows: Readonly<Record<string, number>>;
  readonly auditRecords: number;
}

interface Header {
  readonly format: typeof FORMAT;
  readonly formatVersion: number;
  readonly schemaVersion: number;
  readonly migrations: readonly string[];
  readonly createdAt: string;
}

const BATCH = 500;

export async function backupStore(store: SqlStore, file: string): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w');
  try {
    const rows = await store.database.transaction(
      'system',
      async (tx) => {
        const header: Header = { format: FORMAT, formatVersion: FORMAT_VERSION, schemaVersion: migrations().length, migrations: migrations().map((migration) => migration.tag), createdAt: new Date().toISOString() };
        await handle.write(`${JSON.stringify(header)}\n`);
        const counts: Record<string, number> = {};
        for (const shape of shapes) {
          counts[shape.name] = 0;
          for (let offset = 0; ; offset += BATCH) {
            const batch = await tx.query(`SELECT * FROM ${shape.name} ORDER BY ${shape.key} LIMIT $1 OFFSET $2`, [BATCH, offset]);
            if (batch.length > 0) await handle.write(batch.map((row) => `${JSON.stringify({ table: shape.name, row: portable(shape, row) })}\n`).join(''));
            counts[shape.name]! += batch.length;
            if (batch.length < BATCH) break;
          }
        }
        await handle.write(`${JSON.stringify({ end: true, rows: counts })}\n`);
        return counts;
      },
      { isolation: 'repeatable read', readOnly: true },
    );
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    return { schemaVersion: migrations().length, rows, auditRecords: rows['audit_log'] ?? 0 };
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
}

/** Values as JSON carries them: times as ISO strings, bigints as numbers, jsonb as its value. */
function portable(shape: TableShape, row: Row): Row {
  const out: Row = {};
  for (const column of shape.columns) {
    const value = row[column.name];
    out[column.name] = value === null || value === undefined ? null : column.type === 'PgTimestampString' ? toIso(value) : column.type === 'PgBigInt53' ? toNumber(value) : value;
  }
  return out;
}

export async function restoreStore(store: SqlStore, file: string): Promise<BackupSummary> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const refuse = (zh: string, en: string): StoreError => new StoreError('invalid', bilingual(`备份文件 ${file}：${zh}`, `Backup file ${file}: ${en}`));
  const first = await lines.next();
  const header = first.done ? null : (JSON.parse(first.value) as Partial<Header>);
  if (header?.format !== FORMAT || header.formatVersion !== FORMAT_VERSION) throw refuse('不是 peakpath 备份（第 1 行应为其文件头）', 'not a peakpath backup (line 1 should be its header)');
  const all = migrations();
  const known = all.map((migration) => migration.tag);
  const written = Array.isArray(header.migrations) ? header.migrations : [];
  // A backup of an earlier build restores when this build's later migrations leave the rows as they were.
  const earlier = written.length === header.schemaVersion && written.length <= known.length && written.every((tag, index) => tag === known[index]);
  const blocking = earlier ? all.slice(written.length).filter((migration) => !migration.rowsUnchanged).map((migration) => migration.tag) : [];
  if (!earlier || blocking.length > 0) {
    const why = earlier ? { zh: `（之后的迁移 ${blocking.join('、')} 改变了表结构）`, en: ` (the later migrations ${blocking.join(', ')} change the tables)` } : { zh: '', en: '' };
    throw refuse(`结构版本 ${header.schemaVersion} 与本程序的 ${known.length} 不同${why.zh}：请用相同版本的 peakpath 恢复`, `its schema version ${header.schemaVersion} differs from this build's ${known.length}${why.en}: restore it with the same peakpath version`);
  }
  return store.database.transaction('system', async (tx) => {
    const [existing] = await tx.query<{ n: unknown }>('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM audit_log) AS n');
    if (toNumber(existing?.n ?? 0) > 0) throw new StoreError('conflict', bilingual('只能恢复到空的工作区：这个工作区已有用户或审计记录', 'A backup restores only into an empty workspace: this one already has users or audit records.'));
    const counts: Record<string, number> = Object.fromEntries(shapes.map((shape) => [shape.name, 0]));
    let pending: { shape: TableShape; rows: Row[] } | null = null;
    let ended: Record<string, number> | null = null;
    let lineNumber = 1;
    for await (const line of { [Symbol.asyncIterator]: () => lines }) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      if (ended !== null) throw refuse(`第 ${lineNumber} 行在结束行之后`, `line ${lineNumber} follows the end line`);
      const entry = JSON.parse(line) as { table?: string; row?: Row; end?: boolean; rows?: Record<string, number> };
      if (entry.end === true) {
        ended = entry.rows ?? {};
        continue;
      }
      const shape = shapes.find((candidate) => candidate.name === entry.table);
      if (shape === undefined || entry.row === undefined) throw refuse(`第 ${lineNumber} 行不是已知表的一行`, `line ${lineNumber} is not a row of a known table`);
      if (pending !== null && (pending.shape !== shape || pending.rows.length >= 100)) await insertRows(tx, pending.shape, pending.rows);
      if (pending === null || pending.shape !== shape || pending.rows.length >= 100) pending = { shape, rows: [] };
      pending.rows.push(entry.row);
      counts[shape.name]! += 1;
    }
    if (pending !== null && pending.rows.length > 0) await insertRows(tx, pending.shape, pending.rows);
    if (ended === null) throw refuse('没有结束行：文件不完整', 'it has no end line: the file is truncated');
    for (const shape of shapes) {
      if ((ended[shape.name] ?? 0) !== counts[shape.name]) throw refuse(`表 ${shape.name} 应有 ${ended[shape.name] ?? 0} 行，读到 ${counts[shape.name]}`, `table ${shape.name} should have ${ended[shape.name] ?? 0} rows, read ${counts[shape.name]}`);
    }
    await tx.query('UPDATE audit_head SET seq = coalesce((SELECT max(seq) FROM audit_log), 0), hash = coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), $1) WHERE id = 1', ['0'.repeat(64)]);
    const verdict = await verifyChain(tx);
    if (!verdict.ok) throw refuse(`审计链在第 ${verdict.brokenAt} 条断开（${verdict.reason}）`, `its audit chain breaks at record ${verdict.brokenAt} (${verdict.reason})`);
    for (const row of await tx.query<{ document_id: string; version: number; body: unknown; body_hash: string }>('SELECT document_id, version, body, body_hash FROM document_versions')) {
      if (bodyHash(row.body) !== row.body_hash) throw refuse(`文档 ${row.document_id} 第 ${row.version} 版的内容与其哈希不符`, `document ${row.document_id} version ${row.version} does not match its body hash`);
    }
    return { schemaVersion: known.length, rows: counts, auditRecords: verdict.records };
  });
}

async function insertRows(tx: Queryable, shape: TableShape, rows: readonly Row[]): Promise<void> {
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = shape.columns.map((column) => {
      const value = row[column.name] ?? null;
      params.push(column.type === 'PgJsonb' && value !== null ? JSON.stringify(value) : value);
      return `$${params.length}`;
    });
    return `(${slots.join(', ')})`;
  });
  await tx.query(`INSERT INTO ${shape.name} (${shape.columns.map((column) => column.name).join(', ')}) VALUES ${tuples.join(', ')}`, params);
}
