/**
 * GET /api/documents/:id/result for a cluster document (docs/clusters.md): the members' inventories at the versions
 * the caller may read (the public: published), aggregated as `aggregateCluster` does; the demo cluster's seeded
 * document removes the double counting its pairings name; bad documents and members refused with their places.
 */
import { aggregateCluster, createEngine, type ClusterResult, type InventoryResult } from '@peakpath/core';
import { DEMO_CLUSTER, DEMO_NAMES } from '@peakpath/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFixture, targets, type Fixture } from './fixture.ts';

interface ClusterAnswer {
  kind: string;
  from: string;
  result: { name: { en: string; zh: string }; members: { id: string; entity: { slug: string }; document: string; version: number }[]; result: ClusterResult };
}

describe.each(targets)('cluster results on %s', (target) => {
  let f: Fixture;
  let demoCluster: string;
  const inventories = new Map<string, InventoryResult>();
  beforeAll(async () => {
    f = await openFixture(target);
    const cluster = await f.store.entityBySlug(f.admin, 'demo-cluster');
    demoCluster = (await f.store.documents(f.admin, cluster.id, { limit: 200 })).items.find((document) => document.kind === 'cluster' && document.name === DEMO_NAMES.cluster)!.id;
    for (const slug of ['demo-city', 'demo-city-b', 'demo-city-c']) {
      const entity = await f.store.entityBySlug(f.admin, slug);
      const inventory = (await f.store.documents(f.admin, entity.id, { limit: 200 })).items.find((document) => document.kind === 'inventory' && document.name === DEMO_NAMES.inventory)!;
      const run = createEngine().inventory((await f.store.version(f.admin, inventory.id)).body);
      if (!run.ok) throw new Error(slug);
      inventories.set(slug, run.value);
    }
  }, 240_000);
  afterAll(async () => f?.dispose());

  const get = (url: string, role: keyof Fixture['credentials'] = 'public') => f.app.inject({ method: 'GET', url, headers: f.credentials[role].headers });

  it('the demo cluster, as the public sees it: the members’ published inventories aggregated as the core does, double counting removed', async () => {
    const response = await get(`/api/documents/${demoCluster}/result`);
    expect(response.statusCode).toBe(200);
    const answer = response.json() as ClusterAnswer;
    expect(answer.kind).toBe('cluster');
    expect(answer.result.members.map((member) => [member.id, member.entity.slug, member.version])).toEqual([
      ['a', 'demo-city', 1],
      ['b', 'demo-city-b', 1],
      ['c', 'demo-city-c', 1],
    ]);
    // The cluster, each member's inventory and its pathway (the demo members name theirs).
    expect(answer.from.split(',')).toHaveLength(7);
    const core = aggregateCluster(
      [
        { id: 'a', result: inventories.get('demo-city')! },
        { id: 'b', result: inventories.get('demo-city-b')! },
        { id: 'c', result: inventories.get('demo-city-c')! },
      ],
      DEMO_CLUSTER.pairings,
    );
    if (!core.ok) throw new Error('the demo cluster does not aggregate');
    expect(answer.result.result).toEqual(JSON.parse(JSON.stringify(core.value)));
    const { removed, members } = answer.result.result.reconciliation;
    // The two pairings: a quarter of B's I.1.2 and a fifth of C's I.2.2, supplied by Demo City's plants.
    const line = (slug: string, index: number) => inventories.get(slug)!.lines.find((candidate) => candidate.index === index)!.co2e;
    const expected = 0.25 * line('demo-city-b', 3) + 0.2 * line('demo-city-c', 8);
    expect(removed.scope2).toBeGreaterThan(0);
    expect(removed.scope2).toBeCloseTo(expected, 6);
    expect(removed.total).toBeCloseTo(expected, 6);
    expect(removed.basic).toBe(0);
    expect(answer.result.result.totals.total).toBeCloseTo(members.total - expected, 6);
    expect(answer.result.result.problems).toEqual([]);
    expect(answer.result.result.reconciliation.rows.flatMap((row) => row.removals.map((removal) => [removal.member, removal.index, removal.reason]))).toEqual([
      ['b', 3, 'internal-grid-energy'],
      ['c', 8, 'internal-grid-energy'],
    ]);
  });

  it('a member must be one of the cluster entity’s members and name an inventory the caller may read; every problem with its place', async () => {
    const body = {
      name: 'Cluster of A',
      members: { a: { entity: 'demo-city', inventory: DEMO_NAMES.inventory }, b: { entity: 'demo-city-b', inventory: DEMO_NAMES.inventory }, c: { inventory: DEMO_NAMES.inventory } },
      pairings: [],
    };
    const { document, version } = await f.store.createDocument(f.admin, { entityId: f.clusters.A.id, kind: 'cluster', name: 'test', body, comment: 'test' });
    await f.store.publish(f.admin, document.id, version.version);
    const response = await get(`/api/documents/${document.id}/result`, 'admin');
    expect(response.statusCode).toBe(422);
    const issues = (response.json() as { error: { issues: { path: unknown[]; code: string; message: { en: string; zh: string } }[] } }).error.issues;
    expect(issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['members.b.inventory', 'unresolved-reference'],
      ['members.c.inventory', 'unresolved-reference'],
    ]);
    expect(issues[0]!.message.en).toContain('"demo-city-b" is not a member of this cluster (members: demo-city)');
    expect(issues[1]!.message.zh).toContain('members.c.entity');
  });

  it('a bad cluster document: 422 with every problem at its path; the draft inventory of a member is not the public’s', async () => {
    const { document, version } = await f.store.createDocument(f.admin, { entityId: f.clusters.A.id, kind: 'cluster', name: 'bad', body: { name: 'x', members: { a: { entity: 'demo-city', inventroy: '2022' } }, pairings: [{ line: { member: 'b', index: 0 }, counterpart: { member: 'a' } }] }, comment: 'test' });
    await f.store.publish(f.admin, document.id, version.version);
    const bad = await get(`/api/documents/${document.id}/result`, 'admin');
    expect(bad.statusCode).toBe(422);
    const codes = (bad.json() as { error: { issues: { path: unknown[]; code: string }[] } }).error.issues.map((issue) => [issue.path.join('.'), issue.code]);
    expect(codes).toEqual([
      ['members.a.inventroy', 'unknown-field'],
      ['members.a.inventory', 'required'],
      ['pairings.0.line.member', 'enum'],
    ]);

    const draft = { name: 'Draft member', members: { a: { entity: 'demo-city', inventory: f.documents.A.draft.name } } };
    const created = await f.store.createDocument(f.admin, { entityId: f.clusters.A.id, kind: 'cluster', name: 'draft', body: draft, comment: 'test' });
    await f.store.publish(f.admin, created.document.id, created.version.version);
    expect((await get(`/api/documents/${created.document.id}/result`, 'editorA')).statusCode).toBe(200);
    const hidden = await get(`/api/documents/${created.document.id}/result`, 'public');
    expect(hidden.statusCode).toBe(422);
    expect(JSON.stringify(hidden.json())).toContain('no inventory named');
  });

  it('POST /api/entities/:id/documents takes the kind cluster', async () => {
    const response = await f.app.inject({
      method: 'POST',
      url: `/api/entities/${f.clusters.A.id}/documents`,
      headers: f.credentials.admin.headers,
      payload: { kind: 'cluster', name: 'posted', body: { name: 'Posted', members: { a: { entity: 'demo-city', inventory: DEMO_NAMES.inventory } } } },
    });
    expect(response.statusCode).toBe(201);
  });
});
