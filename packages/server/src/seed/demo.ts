import { fileURLToPath } from 'node:url';
import { readDocument } from '@peakpath/node';
import type { Actor, Entity, Store } from '@peakpath/store';
import { scaleInventory } from './scale.ts';

/** The shipped demo city's files (examples/demo-city), from src/seed or dist/seed alike. */
const DEMO_FOLDER = new URL('../../../../examples/demo-city/', import.meta.url);

/** What the stored pathway and plan name: documents of the same entity, by name. */
export const DEMO_NAMES = { inventory: '2022', pathway: 'pathways', plan: 'action-plan', tracking: 'tracking', cluster: 'members', district: 'parts' } as const;

interface DemoPlace {
  readonly slug: string;
  readonly kind: Entity['kind'];
  readonly name: string;
  readonly nameZh: string;
  /** The demo city's activity times this (docs: illustrative). */
  readonly scale: number;
  readonly parent?: string;
}

/**
 * ILLUSTRATIVE ONLY: Demo City is the shipped example; the two other cities are it scaled (0.6 and 1.4
 * times its activity), the district a tenth of it; the cluster's documents are the three cities' sum
 * (scale 3.0), as aggregating three scaled copies gives. No figure is any real place's.
 */
export const DEMO_PLACES: readonly DemoPlace[] = [
  { slug: 'demo-city', kind: 'city', name: 'Demo City (illustrative)', nameZh: '示例市（示例）', scale: 1 },
  { slug: 'demo-city-b', kind: 'city', name: 'Sample City B (illustrative, Demo City × 0.6)', nameZh: '示例乙市（示例，示例市×0.6）', scale: 0.6 },
  { slug: 'demo-city-c', kind: 'city', name: 'Sample City C (illustrative, Demo City × 1.4)', nameZh: '示例丙市（示例，示例市×1.4）', scale: 1.4 },
  { slug: 'demo-district', kind: 'district', name: 'Demo District (illustrative, Demo City × 0.1)', nameZh: '示例区（示例，示例市×0.1）', scale: 0.1, parent: 'demo-city' },
  { slug: 'demo-cluster', kind: 'cluster', name: 'Demo City Cluster (illustrative, the three cities)', nameZh: '示例城市群（示例，三市合计）', scale: 3 },
];

/**
 * ILLUSTRATIVE ONLY: the demo cluster's aggregation of its three cities (docs/clusters.md). Their inventories are
 * scaled copies of Demo City, with no trips or waste across their boundaries (II.x.3 and III.x.2 are notation keys),
 * so the pairings are grid electricity: part of City B's homes (I.1.2, activities[3]) and City C's commercial
 * buildings (I.2.2, activities[8]) supplied by Demo City's plants (I.4.4). No `mwh` is stated: Demo City imports
 * power net, and a stated amount would be refused as more than it exports — the flows are invented to show the
 * double count removed, not measured. Their pathways (each city's `pathways` document, the demo pathway) run together
 * with one regional grid, a cluster solar programme split among them, and cluster scenarios in which the members
 * take different scenarios of their own, so that their contributions to the cluster's peak differ.
 */
export const DEMO_CLUSTER = {
  version: 1,
  name: { en: 'Demo City Cluster (illustrative)', zh: '示例城市群（示例）' },
  members: {
    a: { entity: 'demo-city', inventory: DEMO_NAMES.inventory, pathway: DEMO_NAMES.pathway },
    b: { entity: 'demo-city-b', inventory: DEMO_NAMES.inventory, pathway: DEMO_NAMES.pathway },
    c: { entity: 'demo-city-c', inventory: DEMO_NAMES.inventory, pathway: DEMO_NAMES.pathway },
  },
  pairings: [
    { line: { member: 'b', index: 3 }, counterpart: { member: 'a' }, share: 0.25 },
    { line: { member: 'c', index: 8 }, counterpart: { member: 'a' }, share: 0.2 },
  ],
  pathways: {
    // One regional grid: each point of the members' grid factor at one value and, where their files make it uncertain, one draw.
    shared: {
      'grid.points.2025': {},
      'grid.points.2030': { uncertainty: { triangular: { min: 0.45, max: 0.54 } } },
      'grid.points.2035': {},
      'grid.points.2040': {},
      'grid.points.2050': {},
      'grid.points.2060': { uncertainty: { triangular: { min: 0.01, max: 0.2 } } },
    },
    actions: {
      'regional-solar': {
        name: { en: 'Regional solar programme (illustrative)', zh: '区域光伏计划（示例）' },
        members: ['a', 'b', 'c'],
        // A fixed amount split among the members that build it: half in Demo City, the rest in proportion to B and C.
        split: { a: 0.5, b: 0.2, c: 0.3 },
        adoption: { start: 2025, full: 2032 },
        effects: [{ type: 'generation', value: 20, unit: '亿千瓦时', note: 'illustrative: about 1.7 GW × 1,200 h across the three cities' }],
      },
    },
    scenarios: {
      bau: { name: { en: 'Business as usual', zh: '基准情景' }, members: { a: 'bau', b: 'bau', c: 'bau' } },
      policy: { name: { en: 'Current policies', zh: '政策情景' }, members: { a: 'policy', b: 'policy', c: 'policy' }, actions: ['regional-solar'] },
      'demo-city-leads': { name: { en: 'Demo City leads', zh: '示例市先行' }, members: { a: 'ambitious', b: 'policy', c: 'bau' }, actions: ['regional-solar'] },
    },
    default: 'demo-city-leads',
  },
} as const;

/**
 * ILLUSTRATIVE ONLY: Demo City checked against its one district (docs/districts.md). Demo District's inventory is
 * Demo City's activity scaled by 0.1 on the same conventions (its method lines keep their parameters: seed/scale.ts),
 * so no convention differs and the remainder, computed as city − parts, is the rest of Demo City. The district is assessed against the climate-positive criterion
 * with no abatement claimed: its operational emissions stand, and it is not climate positive.
 */
export const DEMO_DISTRICT = {
  version: 1,
  name: { en: 'Demo City and Demo District (illustrative)', zh: '示例市与示例区（示例）' },
  city: { inventory: DEMO_NAMES.inventory },
  parts: { 'demo-district': { entity: 'demo-district', kind: 'district', inventory: DEMO_NAMES.inventory } },
  assessments: { 'demo-district': { climatePositive: { abatements: [] } } },
} as const;

export const DEMO_NETWORK = { slug: 'demo-network', kind: 'network', name: 'Demo Network (illustrative)', nameZh: '示例城市网络' } as const;

const asRecord = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;

/**
 * Seeds the demo network: five places, each with an inventory, a pathway and a plan, Demo City a tracking file and a
 * district file (itself against Demo District), the cluster its aggregation of the three cities (version 1,
 * published so that the public sees them). Run once, by the start that created the first admin.
 */
export async function seedDemo(store: Store, admin: Actor): Promise<{ network: string; entities: number; documents: number }> {
  const file = (name: string) => fileURLToPath(new URL(name, DEMO_FOLDER));
  const inventory = asRecord(await readDocument(file('inventory.yaml')));
  const pathway = { ...asRecord(await readDocument(file('pathway.yaml'))), inventory: DEMO_NAMES.inventory };
  const plan = { ...asRecord(await readDocument(file('plan.yaml'))), pathway: DEMO_NAMES.pathway };
  // Demo City's tracking file (illustrative); its references name the stored documents.
  const tracking = { ...asRecord(await readDocument(file('tracking.yaml'))), inventory: DEMO_NAMES.inventory, pathway: DEMO_NAMES.pathway, plan: DEMO_NAMES.plan };

  const network = await store.createNetwork(admin, DEMO_NETWORK);
  const created = new Map<string, Entity>();
  let documents = 0;
  for (const place of DEMO_PLACES) {
    const parentId = place.parent ? created.get(place.parent)!.id : null;
    const entity = await store.createEntity(admin, { slug: place.slug, kind: place.kind, name: place.name, nameZh: place.nameZh, country: 'CN', parentId });
    created.set(place.slug, entity);
    if (place.kind !== 'district') await store.addMember(admin, network.id, entity.id);
    const bodies = {
      inventory: place.scale === 1 ? inventory : scaleInventory(inventory, place.scale, { name: place.name, nameZh: place.nameZh }),
      pathway,
      plan,
    };
    for (const kind of ['inventory', 'pathway', 'plan'] as const) {
      const { document, version } = await store.createDocument(admin, { entityId: entity.id, kind, name: DEMO_NAMES[kind], body: bodies[kind], comment: 'demo seed (illustrative) / 示例数据' });
      await store.publish(admin, document.id, version.version);
      documents++;
    }
    // Only Demo City tracks: the tracking file's actuals and actions are its own, not scaled copies.
    if (place.slug === 'demo-city') {
      const { document, version } = await store.createDocument(admin, { entityId: entity.id, kind: 'tracking', name: DEMO_NAMES.tracking, body: tracking, comment: 'demo seed (illustrative) / 示例数据' });
      await store.publish(admin, document.id, version.version);
      documents++;
    }
  }
  // Demo City against its district: created once the district and its inventory exist.
  const district = await store.createDocument(admin, { entityId: created.get('demo-city')!.id, kind: 'district', name: DEMO_NAMES.district, body: structuredClone(DEMO_DISTRICT), comment: 'demo seed (illustrative) / 示例数据' });
  await store.publish(admin, district.document.id, district.version.version);
  documents++;
  const cluster = created.get('demo-cluster')!;
  await store.setClusterMembers(admin, cluster.id, ['demo-city', 'demo-city-b', 'demo-city-c'].map((slug) => created.get(slug)!.id));
  // The cluster's aggregation of its members' published inventories, the double counting between them removed.
  const { document, version } = await store.createDocument(admin, { entityId: cluster.id, kind: 'cluster', name: DEMO_NAMES.cluster, body: structuredClone(DEMO_CLUSTER), comment: 'demo seed (illustrative) / 示例数据' });
  await store.publish(admin, document.id, version.version);
  documents++;
  return { network: network.id, entities: created.size, documents };
}
