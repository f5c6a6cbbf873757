import { existsSync } from 'node:fs';
import { createEngine, warningsJson, type Lang } from '@peakpath/core';
import { fileResolver, readDocument } from '@peakpath/node';
import { runStoredCluster, StoreError, type SqlStore, type StoredDocument } from '@peakpath/store';
import { renderCluster } from '../cluster/render.ts';
import { jsonText } from '../format/json.ts';
import type { CommandOutput } from '../output.ts';
import { issueReport } from './inventory.ts';
import { warningBlock } from './warnings.ts';
import { withStore } from './workspace.ts';

export interface ClusterOptions {
  readonly json: boolean;
  readonly pretty?: boolean;
  readonly lang: Lang;
  /** The workspace's embedded database folder (when DATABASE_URL is not set), for a stored cluster. */
  readonly data: string;
  /** Which cluster document of the entity, when it holds more than one. */
  readonly document?: string | undefined;
}

/**
 * `peakpath cluster FILE`: the members' inventories (files relative to the cluster file) computed and added with
 * each internal flow counted once (docs/clusters.md): totals on each basis, the reconciliation, unpaired lines.
 * `peakpath cluster SLUG` (an argument that is no file): the cluster document of that entity of the workspace, its
 * members' stored inventories aggregated exactly as `GET /api/documents/:id/result` does (the store's
 * `runStoredCluster`), read as an administrator on the server's machine.
 */
export async function clusterCommand(target: string, options: ClusterOptions): Promise<CommandOutput> {
  // A name that is no file is a stored cluster's slug; one that looks like a file name stays a file (reported missing).
  if (!existsSync(target) && !FILE_NAME.test(target)) return storedCluster(target, options);
  const document = await readDocument(target, { notice: (text) => process.stderr.write(`${text}\n`) });
  // No solver: a cluster needs none, so HiGHS is not loaded.
  const engine = createEngine({ resolve: fileResolver });
  const run = await engine.cluster(document, { id: target });
  if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
  const { cluster, members, result } = run.value;
  if (options.json) {
    const json = { name: cluster.name, members: members.map(({ id, document: inventory }) => ({ id, inventory })), pairings: cluster.pairings, result, warnings: warningsJson(run.warnings) };
    return { status: 0, stdout: jsonText(json, options.pretty) };
  }
  return { status: 0, stdout: `${renderCluster(run.value, options.lang)}${warningBlock(run.warnings, options.lang)}` };
}

const FILE_NAME = /\.(ya?ml|json)$/i;

const ADMIN = { kind: 'user', userId: '00000000-0000-0000-0000-000000000000', admin: true } as const;

async function storedCluster(slug: string, options: ClusterOptions): Promise<CommandOutput> {
  const zh = options.lang === 'zh';
  return withStore<CommandOutput>(options, async (store) => {
    const picked = await clusterDocument(store, slug, options);
    if ('status' in picked) return picked;
    const run = await runStoredCluster(store, ADMIN, { document: picked, version: await store.version(ADMIN, picked.id) }, createEngine());
    if (!run.ok) return { status: 2, stderr: issueReport(run.issues, options.lang) };
    if (options.json) return { status: 0, stdout: jsonText(run.value.json, options.pretty) };
    const read = run.value.members.map((member) => `${member.entity.slug}/${member.document.name} v${member.version.version}`).join(', ');
    const from = zh ? `成员清单（已存储）：${read}\n` : `Members' inventories (stored): ${read}\n`;
    return { status: 0, stdout: `${renderCluster(run.value.run, options.lang)}${from}${warningBlock(run.warnings, options.lang)}` };
  });
}

/** The entity's cluster document: the one it holds, or the one `--document` names; otherwise exit 2, saying why. */
async function clusterDocument(store: SqlStore, slug: string, options: ClusterOptions): Promise<StoredDocument | CommandOutput> {
  const zh = options.lang === 'zh';
  let entity;
  try {
    entity = await store.entityBySlug(ADMIN, slug);
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'not-found') throw error;
    return {
      status: 2,
      stderr: zh
        ? `${slug}：既不是文件，也不是工作区中的城市群（peakpath cluster 接受城市群文件，或工作区中城市群的标识 slug）\n`
        : `${slug}: neither a file nor a cluster of the workspace (peakpath cluster takes a cluster file, or the slug of a cluster of the workspace)\n`,
    };
  }
  const documents: StoredDocument[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.documents(ADMIN, entity.id, { limit: 200, cursor });
    documents.push(...page.items.filter((document) => document.kind === 'cluster'));
    cursor = page.next ?? undefined;
  } while (cursor);
  const names = documents.map((document) => document.name);
  const chosen = options.document === undefined ? (documents.length === 1 ? documents[0] : undefined) : documents.find((document) => document.name === options.document);
  if (chosen) return chosen;
  const list = names.join(', ') || '—';
  if (documents.length === 0) {
    return { status: 2, stderr: zh ? `${slug}：该实体（${entity.kind}）没有城市群文档\n` : `${slug}: the entity (${entity.kind}) holds no cluster document\n` };
  }
  if (options.document !== undefined) {
    return { status: 2, stderr: zh ? `--document：${slug} 没有名为 "${options.document}" 的城市群文档（现有：${list}）\n` : `--document: ${slug} has no cluster document named "${options.document}" (there are: ${list})\n` };
  }
  return { status: 2, stderr: zh ? `${slug} 有多个城市群文档（${list}）：请用 --document 指定\n` : `${slug} holds several cluster documents (${list}): name one with --document\n` };
}
