/**
 * A real workspace for the browser tests: `peakpath serve` as a user starts it — a PGlite store in a
 * temporary folder, the first start's admin and demo network, the built web app — listening on a free
 * port, plus two editors: one of Demo City, one of Sample City B. No mocks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, DEMO_NAMES, firstStart, hashPassword, jobRoutesWith } from '@peakpath/server';
import { openStore, type Actor, type Entity, type Store } from '@peakpath/store';

export const WEB_ROOT = fileURLToPath(new URL('../../../packages/web/dist/', import.meta.url));

export interface Person {
  readonly email: string;
  readonly password: string;
}

export interface WebWorkspace {
  readonly url: string;
  readonly store: Store;
  readonly admin: Person;
  /** An editor of Demo City and an editor of Sample City B. */
  readonly editor: Person;
  readonly otherEditor: Person;
  /** The demo places by slug (demo-city, demo-city-b, demo-city-c, demo-district, demo-cluster). */
  readonly entities: ReadonlyMap<string, Entity>;
  /** A place's document ids by kind. */
  documents(slug: string): Promise<{ inventory: string; pathway: string; plan: string; tracking: string }>;
  readonly networkId: string;
  /**
   * Holds the jobs started from now on in `running` until `release()` (or until cancelled): the demo plan
   * solves in well under a second, faster than a test can click Cancel.
   */
  readonly jobs: { hold(): void; release(): void };
  close(): Promise<void>;
}

/** A gate the server's job runner waits at before each job's work: open unless a test holds it. */
function jobGate() {
  let held: { promise: Promise<void>; open: () => void } | null = null;
  return {
    hold() {
      if (held) return;
      let open!: () => void;
      const promise = new Promise<void>((resolve) => (open = resolve));
      held = { promise, open };
    },
    release() {
      held?.open();
      held = null;
    },
    async wait(signal: AbortSignal) {
      if (!held) return;
      await new Promise<void>((resolve) => {
        signal.addEventListener('abort', () => resolve(), { once: true });
        void held!.promise.then(resolve);
      });
    },
  };
}

export async function startWorkspace(): Promise<WebWorkspace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'peakpath-web-'));
  const store = await openStore({ dataDir });
  const first = await firstStart(store, { seed: true });
  if (!first?.seeded) throw new Error('the first start did not seed the demo network');
  const admin: Actor = { kind: 'user', userId: first.admin.id, admin: true };
  const entities = new Map<string, Entity>();
  for (const entity of (await store.listEntities(admin, { limit: 200 })).items) entities.set(entity.slug, entity);

  const person = async (email: string, slug: string): Promise<Person> => {
    const password = `pw-${email}-long-enough`;
    const user = await store.createUser(admin, { email, name: email.split('@')[0]!, passwordHash: await hashPassword(password) });
    await store.grant(admin, { userId: user.id, role: 'editor', entityId: entities.get(slug)!.id, networkId: null });
    return { email, password };
  };
  const editor = await person('editor@demo.example', 'demo-city');
  const otherEditor = await person('editor-b@demo.example', 'demo-city-b');

  const gate = jobGate();
  const jobs = jobRoutesWith({ beforeWork: (_job, signal) => gate.wait(signal) });
  const { app } = await createServer({ store, web: WEB_ROOT, jobs, config: { logger: false } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });

  return {
    url: address,
    store,
    admin: { email: first.admin.email, password: first.password },
    editor,
    otherEditor,
    entities,
    networkId: first.seeded.network,
    jobs: { hold: () => gate.hold(), release: () => gate.release() },
    async documents(slug) {
      const page = await store.documents(admin, entities.get(slug)!.id, { limit: 200 });
      const find = (kind: 'inventory' | 'pathway' | 'plan' | 'tracking') => page.items.find((document) => document.kind === kind && document.name === DEMO_NAMES[kind])?.id ?? '';
      return { inventory: find('inventory'), pathway: find('pathway'), plan: find('plan'), tracking: find('tracking') };
    },
    async close() {
      gate.release();
      await app.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
