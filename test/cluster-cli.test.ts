/**
 * `peakpath cluster` as users run it: the worked example (examples/cluster/, docs/clusters.md) in both languages
 * and as JSON — the totals `aggregateCluster` gives on the members the engine computes, and the worked example's
 * figures by hand — and bad cluster files refused, every problem at once with its field, exit 2.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregateCluster, createEngine, type ClusterResult, type InventoryResult } from '@peakpath/core';
import { buildApp, DEFAULT_CONFIG, DEMO_NAMES, firstStart } from '@peakpath/server';
import { openStore } from '@peakpath/store';
import { peakpath, ROOT } from './support/cli.ts';

const EXAMPLE = join('examples', 'cluster', 'cluster.yaml');
const BODY = parse(readFileSync(join(ROOT, EXAMPLE), 'utf8')) as Record<string, unknown>;

/** The worked example's figures, tCO2e (docs/clusters.md, packages/core/src/cluster/worked-example.test.ts). */
const WORKED = { basic: 896_160, basicPlus: 900_160, scope1: 1_244_000, scope2: 224_680, scope3: 4_000, total: 1_472_680 };
const REMOVED = { basic: 0, basicPlus: 5_000, scope1: 0, scope2: 224_680, scope3: 35_800, total: 260_480 };

function member(file: string): InventoryResult {
  const run = createEngine().inventory(parse(readFileSync(join(ROOT, 'examples', 'cluster', file), 'utf8')));
  if (!run.ok) throw new Error(file);
  return run.value;
}

/** What the core gives for the example's members and pairings, computed here without the CLI. */
function inCore(): ClusterResult {
  const run = aggregateCluster(
    [
      { id: 'alpha', result: member('alpha.yaml') },
      { id: 'beta', result: member('beta.yaml') },
    ],
    [
      { line: { member: 'beta', index: 0 }, counterpart: { member: 'alpha' }, share: 0.8, mwh: 400_000 },
      { line: { member: 'beta', index: 5 }, counterpart: { member: 'alpha', row: 'III.1.3' } },
      { line: { member: 'beta', index: 3 }, counterpart: { member: 'alpha' } },
    ],
  );
  if (!run.ok) throw new Error('the worked example does not aggregate');
  return run.value;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakpath-cluster-'));
  for (const file of ['alpha.yaml', 'beta.yaml']) copyFileSync(join(ROOT, 'examples', 'cluster', file), join(dir, file));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the example cluster file beside copies of its members, with `change` applied. */
function copyWith(name: string, change: (body: Record<string, unknown>) => void): string {
  const body = structuredClone(BODY);
  change(body);
  const file = join(dir, name);
  writeFileSync(file, stringify(body));
  return file;
}

describe('peakpath cluster FILE', () => {
  it('--json: the totals of the worked example, as aggregateCluster gives them, and the members’ files', () => {
    const run = peakpath(['cluster', EXAMPLE, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as { name: unknown; members: { id: string; inventory: string }[]; result: ClusterResult; warnings: unknown[] };
    expect(json.result.totals).toEqual(WORKED);
    expect(json.result.reconciliation.removed).toEqual(REMOVED);
    expect(json.result).toEqual(JSON.parse(JSON.stringify(inCore())));
    expect(json.result.official).toMatchObject({ computed: true, energyCo2: 1_047_660 });
    expect(json.name).toEqual({ en: 'Alpha–Beta cluster', zh: '阿尔法—贝塔城市群' });
    expect(json.members.map(({ id, inventory }) => [id, inventory.endsWith(join('cluster', `${id}.yaml`))])).toEqual([
      ['alpha', true],
      ['beta', true],
    ]);
  });

  it('in English: the totals on each basis, the reconciliation, each removal with its reason, the unpaired lines', () => {
    const run = peakpath(['cluster', EXAMPLE, '--lang', 'en']);
    expect(run.status).toBe(0);
    const rows = run.stdout.split('\n');
    const row = (label: string): string[] => rows.find((line) => line.startsWith(label))!.trim().split(/\s{2,}/);
    expect(row('BASIC+ ')).toEqual(['BASIC+', '905,160', '−5,000', '900,160']);
    expect(row('Scope 2 ')).toEqual(['Scope 2', '449,360', '−224,680', '224,680']);
    expect(row('Scopes 1+2+3 ')).toEqual(['Scopes 1+2+3', '1,733,160', '−260,480', '1,472,680']);
    expect(run.stdout).toContain('Energy-activity CO2 (China official basis): 1,047,660 tCO2');
    expect(run.stdout).toContain('beta activities[0] (I.1.2): −224,680 tCO2e');
    expect(run.stdout).toContain('80 % of the line (I.1.2, scope 2) is grid energy generated in alpha (I.4.4, its scope 1)');
    expect(run.stdout).toContain('beta activities[5] (III.1.2): −30,800 tCO2e');
    expect(run.stdout).toContain('beta activities[3] (II.1.3): −5,000 tCO2e');
    expect(run.stdout).toContain('beta activities[0] (I.1.2, electricity): 20 % of the line, 56,170 tCO2e');
    expect(run.stdout).toContain('beta activities[4] (II.4.3, trips): the whole line, 4,000 tCO2e');
    // Beta's row in the reconciliation: scope 2 reported, removed, counted.
    expect(rows.some((line) => /^\s+Scope 2\s+280,850\s+−224,680\s+56,170$/.test(line))).toBe(true);
  });

  it('in Chinese: the same figures with Chinese labels and reasons', () => {
    const run = peakpath(['cluster', EXAMPLE, '--lang', 'zh']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('阿尔法—贝塔城市群 — 2022 年城市群合并清单，2 个成员；内部流量只计一次');
    expect(run.stdout).toMatch(/三范围合计\s+1,733,160\s+−260,480\s+1,472,680/);
    expect(run.stdout).toContain('能源活动二氧化碳（国内官方口径）：1,047,660 tCO2');
    expect(run.stdout).toContain('该行的 80 %（I.1.2，范围二）为 alpha 发电/供热（I.4.4，其范围一）');
    expect(run.stdout).toContain('未配对的跨界活动行（全额计入）');
    expect(run.stdout).not.toMatch(/Scope|Removed|Reconciliation/);
  });

  it('a bad cluster file: every problem at once, each with its field, in the language asked, exit 2', () => {
    const file = copyWith('bad.yaml', (body) => {
      body['members'] = { alpha: { inventory: 'alpha.yaml' }, beta: { inventroy: 'beta.yaml' } };
      body['pairings'] = [{ line: { member: 'betta', index: 0 }, counterpart: { member: 'alpha' }, share: 2 }];
    });
    const en = peakpath(['cluster', file, '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('4 input problems; nothing computed.');
    expect(en.stderr).toContain('members.beta.inventroy: "inventroy" is not a known field (did you mean "inventory"?)');
    expect(en.stderr).toContain('members.beta.inventory: is required');
    expect(en.stderr).toContain('pairings[0].line.member: "betta" is not one of "alpha", "beta" (did you mean "beta"?)');
    expect(en.stderr).toContain('pairings[0].share: 2 is out of range');
    const zh = peakpath(['cluster', file, '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain('发现 4 处输入问题，未计算。');
    expect(zh.stderr).toContain('members.beta.inventroy：未知字段 "inventroy"（是否应为 "inventory"？）');
  });

  it('pairings the members’ lines refuse, and a member file that is missing: exit 2 naming the place', () => {
    const pairing = copyWith('row.yaml', (body) => {
      body['pairings'] = [{ line: { member: 'beta', index: 1 }, counterpart: { member: 'alpha' } }];
    });
    const run = peakpath(['cluster', pairing, '--lang', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pairings[0].line: beta activities[1] is on I.3.1, which is no flow between members');
    const missing = copyWith('missing.yaml', (body) => {
      body['members'] = { alpha: { inventory: 'alpha.yaml' }, beta: { inventory: 'gamma.yaml' } };
      body['pairings'] = [];
    });
    const absent = peakpath(['cluster', missing, '--lang', 'en']);
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('members.beta.inventory: cannot get the member\'s inventory "gamma.yaml"');
    expect(absent.stderr).not.toContain('base-year');
    const zh = peakpath(['cluster', missing, '--lang', 'zh']);
    expect(zh.stderr).toContain('members.beta.inventory：无法取得成员清单 "gamma.yaml"');
  });

  it('the worked example with a pairing stated on the line (cluster-counterparts.yaml): the same totals, the removal saying where', () => {
    const run = peakpath(['cluster', join('examples', 'cluster', 'cluster-counterparts.yaml'), '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { result } = JSON.parse(run.stdout) as { result: ClusterResult };
    expect(result.totals).toEqual(WORKED);
    expect(result.reconciliation.removed).toEqual(REMOVED);
    expect(result.reconciliation.rows[1]!.removals.map((removal) => [removal.index, removal.stated, removal.place])).toEqual([
      [0, 'line', 'members.beta.activities[0].counterpart'],
      [3, 'cluster', 'pairings[1]'],
      [5, 'cluster', 'pairings[0]'],
    ]);
    const en = peakpath(['cluster', join('examples', 'cluster', 'cluster-counterparts.yaml'), '--lang', 'en']);
    expect(en.stdout).toContain('beta activities[0] (I.1.2): −224,680 tCO2e (paired at members.beta.activities[0].counterpart)');
    const zh = peakpath(['cluster', join('examples', 'cluster', 'cluster-counterparts.yaml'), '--lang', 'zh']);
    expect(zh.stdout).toContain('（配对填写于 members.beta.activities[0].counterpart）');
  });
});

describe('peakpath inventory on a member naming its counterpart on a line', () => {
  it('computes exactly as without it, and shows the line it names, in both languages', () => {
    const stating = peakpath(['inventory', join('examples', 'cluster', 'beta-counterparts.yaml'), '--json']);
    const plain = peakpath(['inventory', join('examples', 'cluster', 'beta.yaml'), '--json']);
    expect(stating.status).toBe(0);
    const json = JSON.parse(stating.stdout) as { totals: unknown; lines: { counterpart?: unknown }[] };
    expect(json.totals).toEqual((JSON.parse(plain.stdout) as { totals: unknown }).totals);
    expect(json.lines[0]!.counterpart).toEqual({ city: 'Alpha', share: 0.8, mwh: 400_000 });
    const en = peakpath(['inventory', join('examples', 'cluster', 'beta-counterparts.yaml'), '--lang', 'en']);
    expect(en.stdout).toContain('Lines naming another city (`counterpart`: read by a cluster as a pairing, not used in these figures): activities[0] I.1.2 → Alpha (80 %)');
    const zh = peakpath(['inventory', join('examples', 'cluster', 'beta-counterparts.yaml'), '--lang', 'zh']);
    expect(zh.stdout).toContain('注明对方城市的行（`counterpart`：城市群合并时作为配对读取，不用于本清单的计算）：activities[0] I.1.2 → Alpha（80 %）');
    expect(peakpath(['inventory', join('examples', 'cluster', 'beta.yaml'), '--lang', 'en']).stdout).not.toContain('another city');
  });
});

describe('peakpath cluster SLUG: a stored cluster of the workspace', () => {
  let data: string;
  /** What GET /api/documents/:id/result answers for the demo cluster's document, for the public. */
  let api: { name: unknown; members: unknown[]; pairings: unknown[]; result: ClusterResult; pathways?: { result: { peak: { year: number | null } } } };
  beforeAll(async () => {
    data = mkdtempSync(join(tmpdir(), 'peakpath-cluster-store-'));
    const store = await openStore({ dataDir: data });
    try {
      if (!(await firstStart(store, { seed: true }))?.seeded) throw new Error('the demo network was not seeded');
      const admin = { kind: 'user', userId: '00000000-0000-0000-0000-000000000000', admin: true } as const;
      const cluster = await store.entityBySlug(admin, 'demo-cluster');
      const document = (await store.documents(admin, cluster.id, { limit: 200 })).items.find((candidate) => candidate.kind === 'cluster' && candidate.name === DEMO_NAMES.cluster)!;
      const app = await buildApp({ store, engine: createEngine(), engineVersion: 'test', config: DEFAULT_CONFIG, now: () => new Date() });
      try {
        const response = await app.inject({ method: 'GET', url: `/api/documents/${document.id}/result` });
        if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
        api = (response.json() as { result: typeof api }).result;
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
  }, 240_000);
  afterAll(() => rmSync(data, { recursive: true, force: true }));

  it('--json: what the API returns for the demo cluster, to the last digit', () => {
    const run = peakpath(['cluster', 'demo-cluster', '--data', data, '--json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as typeof api;
    expect(json).toEqual(api);
    // docs/clusters.md: 2,067,056 tCO2e removed from scope 2 and the scopes total, 148,080,443 → 146,013,387.
    const { removed, members } = json.result.reconciliation;
    expect(Math.round(removed.scope2)).toBe(2_067_056);
    expect(Math.round(removed.total)).toBe(2_067_056);
    expect(removed.basic).toBe(0);
    expect(Math.round(members.total)).toBe(148_080_443);
    expect(Math.round(json.result.totals.total)).toBe(146_013_387);
    expect(json.members).toEqual([
      expect.objectContaining({ id: 'a', entity: expect.objectContaining({ slug: 'demo-city' }), name: DEMO_NAMES.inventory, version: 1 }),
      expect.objectContaining({ id: 'b', entity: expect.objectContaining({ slug: 'demo-city-b' }) }),
      expect.objectContaining({ id: 'c', entity: expect.objectContaining({ slug: 'demo-city-c' }) }),
    ]);
  }, 120_000);

  it('as text, in both languages: the same figures, and which stored inventories were read', () => {
    const en = peakpath(['cluster', 'demo-cluster', '--data', data, '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).toMatch(/Scopes 1\+2\+3\s+148,080,443\s+−2,067,056\s+146,013,387/);
    expect(en.stdout).toContain("Members' inventories (stored): demo-city/2022 v1, demo-city-b/2022 v1, demo-city-c/2022 v1");
    const zh = peakpath(['cluster', 'demo-cluster', '--data', data, '--lang', 'zh']);
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/三范围合计\s+148,080,443\s+−2,067,056\s+146,013,387/);
    expect(zh.stdout).toContain('成员清单（已存储）：demo-city/2022 v1');
    // The members name their stored pathways: the cluster's pathways follow, as the API computes them.
    expect(en.stdout).toContain('cluster pathways, scenario');
    expect(en.stdout).toContain(`Peak: ${api.pathways!.result.peak.year}`);
  }, 120_000);

  it('--mc on a stored cluster: its Monte Carlo, as the core gives it for the same seed', () => {
    const run = peakpath(['cluster', 'demo-cluster', '--data', data, '--json', '--mc', '200', '--seed', '4']);
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as typeof api & { pathways: { mc: { runs: number; seeds: { members: Record<string, number> } } } };
    expect(json.pathways.mc.runs).toBe(200);
    expect(json.pathways.mc.seeds.members).toEqual({ a: 4, b: 5, c: 6 });
    expect(json.pathways.result).toEqual(api.pathways!.result);
  }, 120_000);

  it('an unknown cluster, an entity without a cluster document, an unknown --document: exit 2, in the language asked', () => {
    const en = peakpath(['cluster', 'no-such-cluster', '--data', data, '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe('no-such-cluster: neither a file nor a cluster of the workspace (peakpath cluster takes a cluster file, or the slug of a cluster of the workspace)\n');
    const zh = peakpath(['cluster', 'no-such-cluster', '--data', data, '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('no-such-cluster：既不是文件，也不是工作区中的城市群（peakpath cluster 接受城市群文件，或工作区中城市群的标识 slug）\n');
    const city = peakpath(['cluster', 'demo-city', '--data', data, '--lang', 'en']);
    expect(city.status).toBe(2);
    expect(city.stderr).toContain('demo-city: the entity (city) holds no cluster document');
    const named = peakpath(['cluster', 'demo-cluster', '--document', 'other', '--data', data, '--lang', 'en']);
    expect(named.status).toBe(2);
    expect(named.stderr).toContain(`--document: demo-cluster has no cluster document named "other" (there are: ${DEMO_NAMES.cluster})`);
    // The stored cluster's pathways take the options a file's do: an unknown scenario is refused.
    const scenario = peakpath(['cluster', 'demo-cluster', '--scenario', 'nope', '--data', data, '--lang', 'en']);
    expect(scenario.status).toBe(2);
    expect(scenario.stderr).toContain('nope');
    // A name that looks like a file stays a file: reported missing, no store opened.
    const file = peakpath(['cluster', 'no-such-file.yaml', '--lang', 'en']);
    expect(file.status).toBe(2);
    expect(file.stderr).toContain('no-such-file.yaml');
  }, 120_000);
});
