/**
 * A child process for the kill tests (kill.test.ts, scripts/kill-soak.ts): opens the store, then saves
 * versions of one document in a loop and prints "ack <version> <bodyHash>" after each save resolved.
 * The parent kills it with SIGKILL at a random moment. With "hold" it only opens the store and waits
 * (lock.test.ts), printing "ready <pid>".
 *
 * argv: <target: dir:<folder> | url:<app url>> <mode: write | hold> [<documentId> <editorUserId>]
 */
import { openStore } from '../open.ts';
import type { Actor } from '../store.ts';
import { StoreError } from '../store.ts';

const [where, mode, documentId, editorId] = process.argv.slice(2);
if (where === undefined || mode === undefined) throw new Error('usage: writer-child <dir:folder|url:url> <write|hold> [documentId editorId]');

try {
  const store = await openStore(where.startsWith('dir:') ? { dataDir: where.slice(4) } : { url: where.slice(4) });
  if (mode === 'hold') {
    process.stdout.write(`ready ${process.pid}\n`);
    await new Promise(() => undefined);
  }
  const editor: Actor = { kind: 'user', userId: editorId!, admin: false };
  process.stdout.write('ready\n');
  for (;;) {
    const current = await store.document(editor, documentId!);
    // A body of some size, so that a write spans more than one WAL page.
    const body = { version: current.currentVersion + 1, pid: process.pid, lines: Array.from({ length: 40 }, (_, index) => ({ index, amount: current.currentVersion * 1000 + index, note: '电力消费量 electricity' })) };
    const saved = await store.saveVersion(editor, documentId!, { expectedVersion: current.currentVersion, body, comment: `child ${process.pid}` });
    process.stdout.write(`ack ${saved.version} ${saved.bodyHash}\n`);
  }
} catch (error) {
  process.stdout.write(`error ${error instanceof StoreError ? error.code : 'other'} ${JSON.stringify(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(3);
}
