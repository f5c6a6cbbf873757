/**
 * The cluster's pathways through the API (docs/clusters.md, "The API"): GET /api/documents/:id/result of a cluster
 * whose members name pathways gives the cluster scenario asked for (`?scenario=`) and every one compared, equal to
 * `runClusterScenario` / `compareClusterScenarios` run here on the same stored documents at the versions the caller
 * may read; a Monte Carlo job on the cluster equals `runClusterMonteCarlo`; every problem refused at its place.
 */
import { compareClusterScenarios, createEngine, runClusterMonteCarlo, runClusterScenario, type ClusterPathwayModel, type ClusterPathwayResult } from '@peakpath/core';
import { DEMO_CLUSTER, DEMO_NAMES } from '@peakpath/server';
import type { Actor, Entity, Job } from '@peakpath/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, targets, type Fixture, type Role } from './fixture.ts';

interface Issue {
  path: (string | number)[];
  code: string;
  reason?: string | { en: string; zh: string };
  known?: string[];
  message: { en: string; zh: string };
}
interface Answer {
  from: string;
  result: {
    members: { id: string; entity: { slug: string }; document: string; version: number; pathway?: { document: string; name: string; version: number } }[];
    pathways?: { result: ClusterPathwayResult; comparison: ReturnType<typeof compareClusterScenarios> };
  };
}

const MEMBERS = { a: 'demo-city', b: 'demo-city-b', c: 'demo-city-c' } as const;
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each(targets)('cluster pathways through the API on %s', (target) => {
  let f: Fixture;
  let demoCluster: string;
  const entities = new Map<string, Entity>();
  beforeAll(async () => {
    f = await openFixture(target);
    const cluster = await f.store.entityBySlug(f.admin, 'demo-cluster');
    demoCluster = (await f.store.documents(f.admin, cluster.id, { limit: 200 })).items.find((document) => document.kind === 'cluster' && document.name === DEMO_NAMES.cluster)!.id;
    for (const slug of Object.values(MEMBERS)) entities.set(slug, await f.store.entityBySlug(f.admin, slug));
  }, 240_000);
  afterAll(async () => f?.dispose());

  const get = (url: string, role: Role = 'public') => f.app.inject({ method: 'GET', url, headers: f.credentials[role].headers });
  const issuesOf = (body: unknown): Issue[] => (body as { error: { issues: Issue[] } }).error.issues;
  /**
   * The problems of a cluster's pathways when its members' inventories still add up: 200 with the aggregation, and
   * `pathways.error` the body a 422 would carry.
   */
  const pathwayIssuesOf = (answer: { statusCode: number; body: string; json: () => unknown }): Issue[] => {
    expect(answer.statusCode, answer.body).toBe(200);
    const { result } = answer.json() as { result: { result: { totals: { basic: number } }; pathways: { error: { code: string; issues: Issue[] } } } };
    expect(result.result.totals.basic).toBeGreaterThan(0);
    expect(result.pathways.error.code).toBe('invalid-document');
    return result.pathways.error.issues;
  };

  /** A stored document of the entity by kind and name, at the version `actor` reads. */
  const stored = async (actor: Actor, slug: string, kind: string, name: string) => {
    const document = (await f.store.documents(f.admin, entities.get(slug)!.id, { limit: 200 })).items.find((candidate) => candidate.kind === kind && candidate.name === name)!;
    const version = await f.store.version(actor, document.id);
    return { id: document.id, name: document.name, version: version.version, body: version.body };
  };

  /** The cluster's model computed here, by the core, from the demo members' documents at the versions `actor` reads. */
  const coreModel = async (actor: Actor, cluster: unknown): Promise<ClusterPathwayModel> => {
    const documents = new Map<string, { inventory: Awaited<ReturnType<typeof stored>>; pathway: Awaited<ReturnType<typeof stored>> }>();
    for (const [id, slug] of Object.entries(MEMBERS)) documents.set(id, { inventory: await stored(actor, slug, 'inventory', DEMO_NAMES.inventory), pathway: await stored(actor, slug, 'pathway', DEMO_NAMES.pathway) });
    const run = await createEngine().clusterPathways(cluster, {
      id: demoCluster,
      member: async (member) => ({ ok: true, id: documents.get(member.id)!.inventory.id, document: documents.get(member.id)!.inventory.body }),
      memberPathway: async (member) => ({ ok: true, id: documents.get(member.id)!.pathway.id, document: documents.get(member.id)!.pathway.body }),
      follow: async ({ reference, from }) => {
        const owner = [...documents.values()].find((entry) => entry.pathway.id === from.id)!;
        return reference === owner.inventory.name ? { ok: true, id: owner.inventory.id, document: owner.inventory.body } : { ok: false, reason: { en: 'not the member inventory', zh: '不是成员清单' } };
      },
    });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    return run.value.model;
  };

  it('the demo cluster, as the public sees it: its default scenario and every scenario compared, equal to the core on the published documents', async () => {
    const response = await get(`/api/documents/${demoCluster}/result`);
    expect(response.statusCode).toBe(200);
    const answer = response.json() as Answer;
    const model = await coreModel({ kind: 'public' }, DEMO_CLUSTER);
    expect(model.defaultScenario).toBe('demo-city-leads');
    const pathways = answer.result.pathways!;
    expect(pathways.result).toEqual(plain(runClusterScenario(model)));
    expect(pathways.comparison).toEqual(plain(compareClusterScenarios(model)));
    expect(pathways.comparison.map((scenario) => scenario.id)).toEqual(['bau', 'policy', 'demo-city-leads']);
    // Each member with the pathway it ran: the published version 1 of its city's `pathways` document.
    expect(answer.result.members.map((member) => [member.id, member.entity.slug, member.pathway?.name, member.pathway?.version])).toEqual([
      ['a', 'demo-city', DEMO_NAMES.pathway, 1],
      ['b', 'demo-city-b', DEMO_NAMES.pathway, 1],
      ['c', 'demo-city-c', DEMO_NAMES.pathway, 1],
    ]);
    // The cluster, each member's inventory and pathway.
    expect(answer.from.split(',')).toHaveLength(7);
    expect(answer.from).toContain(`${answer.result.members[0]!.pathway!.document}@1`);
    // The figures themselves: the members' counted emissions add to the cluster's in the peak year, and the
    // members take different scenarios of their own, so they peak in different years.
    const { result } = pathways;
    const at = result.years.indexOf(result.contributionYear);
    expect(result.peak.year).toBe(result.contributionYear);
    expect(result.contributions.reduce((sum, contribution) => sum + contribution.atPeak, 0)).toBeCloseTo(result.total[at]!, 3);
    expect(result.contributions.reduce((sum, contribution) => sum + contribution.share, 0)).toBeCloseTo(1, 12);
    expect(result.members.map((member) => member.scenario)).toEqual(['ambitious', 'policy', 'bau']);
    expect(new Set(result.contributions.map((contribution) => contribution.ownPeak.year)).size).toBe(3);
    expect(result.official.computed).toBe(true);
    expect(result.actions.map((action) => [action.id, action.members])).toEqual([['regional-solar', ['a', 'b', 'c']]]);
    expect(result.actions[0]!.cumulative).toBeGreaterThan(0);
  });

  it('?scenario= picks the cluster scenario; an unknown one is a 422 naming scenario with the known ids, in both languages', async () => {
    const bau = await get(`/api/documents/${demoCluster}/result?scenario=bau`);
    expect(bau.statusCode).toBe(200);
    const model = await coreModel({ kind: 'public' }, DEMO_CLUSTER);
    expect((bau.json() as Answer).result.pathways!.result).toEqual(plain(runClusterScenario(model, 'bau')));
    expect((bau.json() as Answer).result.pathways!.result.peak.value).toBeGreaterThan((await get(`/api/documents/${demoCluster}/result?scenario=policy`)).json<Answer>().result.pathways!.result.peak.value!);

    const unknown = await get(`/api/documents/${demoCluster}/result?scenario=nope`);
    expect(unknown.statusCode).toBe(422);
    const [issue, ...more] = issuesOf(unknown.json());
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ path: ['scenario'], code: 'unknown-reference', known: ['bau', 'policy', 'demo-city-leads'] });
    expect(issue!.message.en).toBe('scenario: no cluster scenario "nope" (scenarios: bau, policy, demo-city-leads)');
    expect(issue!.message.zh).toBe('scenario：没有城市群情景 "nope"（可用情景：bau、policy、demo-city-leads）');
  });

  it('a cluster whose members name no pathway has no scenarios: ?scenario= is refused, the aggregation alone answers without it', async () => {
    const body = { name: 'Inventories only', members: { a: { entity: 'demo-city', inventory: DEMO_NAMES.inventory } } };
    const { document, version } = await f.store.createDocument(f.admin, { entityId: f.clusters.A.id, kind: 'cluster', name: 'inventories-only', body, comment: 'test' });
    await f.store.publish(f.admin, document.id, version.version);
    const plainAnswer = await get(`/api/documents/${document.id}/result`);
    expect(plainAnswer.statusCode).toBe(200);
    expect((plainAnswer.json() as Answer).result.pathways).toBeUndefined();
    const refused = await get(`/api/documents/${document.id}/result?scenario=bau`);
    expect(refused.statusCode).toBe(422);
    expect(issuesOf(refused.json()).map((issue) => [issue.path.join('.'), issue.code])).toEqual([['scenario', 'not-applicable']]);
  });

  it('member pathways missing, unreadable by the caller, or starting from another inventory: the aggregation answers with one list of the pathways\' problems, each at its member, both languages; ?scenario= is a 422 with them', async () => {
    const cluster = await f.store.createEntity(f.admin, { slug: 'cluster-abc', kind: 'cluster', name: 'Cluster ABC', nameZh: null, country: 'CN', parentId: null });
    await f.store.setClusterMembers(f.admin, cluster.id, Object.values(MEMBERS).map((slug) => entities.get(slug)!.id));
    const pathwayBody = (await stored(f.admin, 'demo-city', 'pathway', DEMO_NAMES.pathway)).body as Record<string, unknown>;
    // B: a pathway never published (its editor reads it, the public does not).
    await f.store.createDocument(f.admin, { entityId: entities.get('demo-city-b')!.id, kind: 'pathway', name: 'draft-pathway', body: pathwayBody, comment: 'never published' });
    // C: a published pathway that starts from another inventory of C than the one the cluster adds.
    const inventoryC = await stored(f.admin, 'demo-city-c', 'inventory', DEMO_NAMES.inventory);
    const other = await f.store.createDocument(f.admin, { entityId: entities.get('demo-city-c')!.id, kind: 'inventory', name: 'other', body: inventoryC.body, comment: 'test' });
    await f.store.publish(f.admin, other.document.id, other.version.version);
    const elsewhere = await f.store.createDocument(f.admin, { entityId: entities.get('demo-city-c')!.id, kind: 'pathway', name: 'from-other', body: { ...pathwayBody, inventory: 'other' }, comment: 'test' });
    await f.store.publish(f.admin, elsewhere.document.id, elsewhere.version.version);
    const body = {
      name: 'Cluster ABC',
      members: {
        a: { entity: 'demo-city', inventory: DEMO_NAMES.inventory, pathway: 'nope' },
        b: { entity: 'demo-city-b', inventory: DEMO_NAMES.inventory, pathway: 'draft-pathway' },
        c: { entity: 'demo-city-c', inventory: DEMO_NAMES.inventory, pathway: 'from-other' },
      },
    };
    const { document, version } = await f.store.createDocument(f.admin, { entityId: cluster.id, kind: 'cluster', name: 'abc', body, comment: 'test' });
    await f.store.publish(f.admin, document.id, version.version);

    const forPublic = await get(`/api/documents/${document.id}/result`);
    const issues = pathwayIssuesOf(forPublic);
    expect(issues.map((issue) => [issue.path.join('.'), issue.code, typeof issue.reason === 'string' ? issue.reason : null])).toEqual([
      ['members.a.pathway', 'unresolved-reference', null],
      ['members.b.pathway', 'unresolved-reference', null],
      ['members.c.pathway', 'cluster-input', 'pathway-inventory'],
    ]);
    expect(issues[0]!.message.en).toContain('demo-city has no pathway named "nope" that you may read');
    expect(issues[0]!.message.zh).toContain('demo-city 没有您可读取的名为"nope"的路径');
    expect(issues[1]!.message.en).toContain('demo-city-b has no pathway named "draft-pathway" that you may read');
    expect(issues[2]!.message.en).toContain(`starts from ${other.document.id}, not from the member's inventory ${inventoryC.id}`);
    expect(issues[2]!.message.zh).toContain(`以 ${other.document.id} 为基年清单`);

    // B's editor reads B's draft: only A's and C's problems are left.
    const forEditorB = await get(`/api/documents/${document.id}/result`, 'editorB');
    expect(pathwayIssuesOf(forEditorB).map((issue) => issue.path.join('.'))).toEqual(['members.a.pathway', 'members.c.pathway']);
    // A scenario asked of pathways that do not compile cannot be answered: the same problems, as a 422.
    const asked = await get(`/api/documents/${document.id}/result?scenario=policy`);
    expect(asked.statusCode).toBe(422);
    expect(issuesOf(asked.json())).toEqual(issues);
  });

  it('a bad pathways section, and a member without a pathway beside members with one: each problem at its path (the malformed section a 422; the others beside the aggregation)', async () => {
    const members = { a: { entity: 'demo-city', inventory: DEMO_NAMES.inventory, pathway: DEMO_NAMES.pathway } };
    const create = async (name: string, body: object) => {
      const { document, version } = await f.store.createDocument(f.admin, { entityId: f.clusters.A.id, kind: 'cluster', name, body, comment: 'test' });
      await f.store.publish(f.admin, document.id, version.version);
      return document.id;
    };
    const badSection = await create('bad-section', { name: 'Bad', members, pathways: { sharing: {}, scenarios: { x: { members: { z: 'bau' }, actions: ['rail'] } }, default: 'y' } });
    // A malformed pathways section is the file's own problem: no aggregation of it, a 422.
    const section = await get(`/api/documents/${badSection}/result`);
    expect(section.statusCode).toBe(422);
    const sectionIssues = issuesOf(section.json());
    expect(sectionIssues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['pathways.sharing', 'unknown-field'],
      ['pathways.scenarios.x.members.z', 'cluster-input'],
      ['pathways.scenarios.x.actions.0', 'unknown-reference'],
      ['pathways.default', 'unknown-reference'],
    ]);
    expect(sectionIssues[1]!.message.en).toContain('"z" is not a member of the cluster');
    expect(sectionIssues[1]!.message.zh).toContain('"z" 不是城市群成员');
    // With ?scenario= the same problems: the file is read before the scenario is looked for.
    const withScenario = await get(`/api/documents/${badSection}/result?scenario=x`);
    expect(withScenario.statusCode).toBe(422);
    expect(issuesOf(withScenario.json())).toEqual(sectionIssues);

    const unknownShared = await create('unknown-shared', { name: 'Shared', members, pathways: { shared: { 'grid.points.2099': {} } } });
    const shared = await get(`/api/documents/${unknownShared}/result`);
    expect(pathwayIssuesOf(shared).map((issue) => [issue.path.join('.'), issue.reason])).toEqual([['pathways.shared.grid.points.2099', 'shared-unknown']]);

    const halfNamed = await create('half-named', { name: 'Half', members: { ...members, b: { entity: 'demo-city', inventory: DEMO_NAMES.inventory } } });
    const half = await get(`/api/documents/${halfNamed}/result`);
    expect(pathwayIssuesOf(half).map((issue) => [issue.path.join('.'), issue.reason])).toEqual([['members.b.pathway', 'pathway-required']]);
  });

  it('a Monte Carlo job on the cluster: the runs and seed stated, the figures runClusterMonteCarlo gives; an unknown scenario refused before the job exists', async () => {
    // viewerA has no role on the cluster: it computes on the published cluster (docs/jobs.md), on the worker pool.
    const post = (payload: object) => f.app.inject({ method: 'POST', url: `/api/documents/${demoCluster}/jobs`, headers: f.credentials.viewerA.headers, payload });
    const started = await post({ kind: 'monte-carlo', runs: 1200, seed: 7, scenario: 'policy' });
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json<Job>();
    while (job.status === 'queued' || job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await get(`/api/jobs/${job.id}`, 'viewerA')).json<Job>();
    }
    expect(job).toMatchObject({ status: 'done', progress: 1, error: null });
    const result = job.result as { runs: number; seed: number; scenario: string; from: string; mc: unknown };
    expect(result).toMatchObject({ runs: 1200, seed: 7, scenario: 'policy' });
    expect(result.from.split(',')).toHaveLength(7);
    // viewerA reads Demo City's current versions, which are the published ones here.
    const model = await coreModel(f.users.viewerA, DEMO_CLUSTER);
    expect(result.mc).toEqual(plain(runClusterMonteCarlo(model, 'policy', 1200, 7)));

    const refused = await post({ kind: 'monte-carlo', runs: 10, scenario: 'nope' });
    expect(refused.statusCode).toBe(422);
    expect(issuesOf(refused.json()).map((issue) => [issue.path.join('.'), issue.code])).toEqual([['scenario', 'unknown-reference']]);
  }, 120_000);

  it('a long Monte Carlo job on the cluster is cancelled between its blocks', async () => {
    const started = await f.app.inject({ method: 'POST', url: `/api/documents/${demoCluster}/jobs`, headers: f.credentials.viewerA.headers, payload: { kind: 'monte-carlo', runs: 1_000_000 } });
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json<Job>();
    // Wait until it has run some blocks (the row says so), then cancel.
    while (!(job.status === 'running' && job.progress > 0)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      job = (await get(`/api/jobs/${job.id}`, 'viewerA')).json<Job>();
    }
    const cancelled = await f.app.inject({ method: 'DELETE', url: `/api/jobs/${job.id}`, headers: f.credentials.viewerA.headers });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<Job>()).toMatchObject({ status: 'cancelled', result: null });
    expect(cancelled.json<Job>().progress).toBeLessThan(1);
  }, 120_000);

  it('the editor of Demo City sees its draft pathway in the cluster; the public still the published one; each equal to the core on those versions', async () => {
    const pathway = await stored(f.admin, 'demo-city', 'pathway', DEMO_NAMES.pathway);
    const body = structuredClone(pathway.body) as { scenarios: { ambitious: { actions: string[] } } };
    // The draft drops electric cars from Demo City's ambitious scenario, the one the cluster's default takes.
    body.scenarios.ambitious.actions = body.scenarios.ambitious.actions.filter((action) => action !== 'ev-cars');
    await f.store.saveVersion(f.users.editorA, pathway.id, { expectedVersion: 1, body, comment: 'draft' });

    const publicAnswer = (await get(`/api/documents/${demoCluster}/result`)).json<Answer>();
    const editorAnswer = (await get(`/api/documents/${demoCluster}/result`, 'editorA')).json<Answer>();
    expect(publicAnswer.from).toContain(`${pathway.id}@1`);
    expect(editorAnswer.from).toContain(`${pathway.id}@2`);
    expect(editorAnswer.result.members[0]!.pathway!.version).toBe(2);
    expect(publicAnswer.result.pathways!.result).toEqual(plain(runClusterScenario(await coreModel({ kind: 'public' }, DEMO_CLUSTER))));
    expect(editorAnswer.result.pathways!.result).toEqual(plain(runClusterScenario(await coreModel(f.users.editorA, DEMO_CLUSTER))));
    // Without electric cars Demo City's BASIC emissions of 2040 are higher in the draft, and so the cluster's.
    const in2040 = (answer: Answer, series: (result: ClusterPathwayResult) => number[]) => series(answer.result.pathways!.result)[2040 - answer.result.pathways!.result.baseYear]!;
    expect(in2040(editorAnswer, (result) => result.members[0]!.total)).toBeGreaterThan(in2040(publicAnswer, (result) => result.members[0]!.total));
    expect(in2040(editorAnswer, (result) => result.total)).toBeGreaterThan(in2040(publicAnswer, (result) => result.total));
  });
});
