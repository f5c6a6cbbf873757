/**
 * The CLI as users run it: `node packages/cli/bin/peakpath.js …` in a child process, with files
 * written to a fresh temporary directory. Exit status, standard output and standard error are
 * checked against the contract (spec/inventory-file.md) and docs/inventory-file.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join('packages', 'cli', 'bin', 'peakpath.js');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a run: English output, whatever the machine's locale. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  delete env['LC_ALL'];
  delete env['PEAKPATH_LANG'];
  delete env['PEAKPATH_DEBUG'];
  return env;
}

function peakpath(...args: string[]): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(), encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'peakpath-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a file into the temporary directory; returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text, 'utf8');
  return path;
}

/** Electricity only, on the East China grid (CN-east-2022 = 0.5617 t/MWh). */
const ELECTRICITY_YAML = `# A small valid inventory
city: { name: Testville, nameZh: 测试市, country: CN }
year: 2022
grid: CN-east-2022
activities:
  - { gpc: I.1.2, energy: electricity, amount: 1, unit: 亿千瓦时 }
  - { gpc: I.3.2, energy: electricity, amount: 2, unit: 亿kWh }
  - { gpc: V.1.1, notation: NE, explanation: no land-use data }
`;
// 3 亿kWh = 3 × 10^8 kWh = 300,000 MWh; × 0.5617 t/MWh = 168,510 tCO2e, all scope 2 and BASIC.
const ELECTRICITY_MWH = 3e8 / 1000;
const ELECTRICITY_T = Math.round(ELECTRICITY_MWH * 0.5617);

/** The contract's `--json` output, as spec/inventory-file.md fixes it (output version 2). */
interface ContractJson {
  version: number;
  city: string;
  year: number;
  gwp: string;
  factorSet: string;
  totals: { basic: number; basicPlus: number; scope1: number; scope2: number; scope3: number };
  gases: { CO2: number; CH4: number; N2O: number };
  energy: { tce: number };
  intensity: { perCapita?: number; perGdp?: number };
  lines: {
    index: number;
    gpc: string;
    scope: number;
    level: string;
    gases: { CO2: number; CH4: number; N2O: number };
    co2e: number;
    factors: { id: string; value: number; unit: string }[];
    assumptions: unknown[];
  }[];
  sources: Record<string, { source: string; table?: string; verification?: string }>;
  notationKeys: { gpc: string; key: string; explanation: string }[];
}

describe('peakpath inventory FILE', () => {
  it('prints the table for a valid YAML file: the city and the BASIC total with thousands separators', () => {
    expect(ELECTRICITY_T).toBe(168_510);
    const run = peakpath('inventory', file('testville.yaml', ELECTRICITY_YAML));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Testville 测试市 — GPC inventory 2022');
    const total = ELECTRICITY_T.toLocaleString('en-US');
    expect(total).toBe('168,510');
    // Total row: scope 1, scope 2, scope 3, BASIC, BASIC+, territorial only.
    expect(run.stdout).toMatch(new RegExp(`^Total +0 +${total} +0 +${total} +${total} +0$`, 'm'));
    expect(run.stdout).toMatch(new RegExp(`^I +Stationary energy +0 +${total} +0 +${total} +${total} +0$`, 'm'));
    expect(run.stdout).toContain('Notation keys: V.1.1 NE');
    // Standard coal at the calorific equivalent: 3 × 10^8 kWh × 0.1229 kgce/kWh = 36,870 tce.
    expect(run.stdout).toContain('Energy (BASIC lines): 36,870 tce');
  });

  it('prints the contract JSON with --json, every figure as computed by hand', () => {
    const yaml = `city: { name: Jsonville, country: CN }
year: 2022
grid: CN-east-2022
population: 100000
gdp: { value: 100, unit: 亿元 }
activities:
  - { gpc: I.1.2, energy: electricity, amount: 1, unit: 亿kWh }
  - { gpc: I.3.1, fuel: raw_coal, amount: 1, unit: 万吨 }
  - { gpc: V.1.1, notation: NE, explanation: no land-use data }
`;
    const run = peakpath('inventory', file('jsonville.yaml', yaml), '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ContractJson;

    // Electricity: 10^8 kWh = 100,000 MWh × 0.5617 t/MWh = 56,170 t CO2.
    const electricity = 100_000 * 0.5617;
    // Raw coal (cn): 10,000 t × 20.908 GJ/t = 209.08 TJ; CO2 = 209.08 × 26.37 tC/TJ × 0.94 × 44/12;
    // CH4 = 209.08 TJ × 10 kg/TJ; N2O = 209.08 TJ × 1.5 kg/TJ (IPCC 2006 Table 2.3, coal); AR5: 28 and 265.
    const coalCo2 = (209.08 * 26.37 * 0.94 * 44) / 12;
    const coalCh4 = (209.08 * 10) / 1000;
    const coalN2o = (209.08 * 1.5) / 1000;
    const coal = coalCo2 + coalCh4 * 28 + coalN2o * 265;
    expect(coalCo2).toBeCloseTo(19_002.988488, 6);
    expect(coal).toBeCloseTo(19_144.640188, 6);

    expect(result).toMatchObject({ version: 2, city: 'Jsonville', year: 2022, gwp: 'AR5', factorSet: 'cn' });
    expect(result.totals.basic).toBeCloseTo(electricity + coal, 6);
    expect(result.totals.basicPlus).toBeCloseTo(electricity + coal, 6);
    expect(result.totals.scope1).toBeCloseTo(coal, 6);
    expect(result.totals.scope2).toBeCloseTo(electricity, 6);
    expect(result.totals.scope3).toBe(0);
    expect(result.gases.CO2).toBeCloseTo(electricity + coalCo2, 6);
    expect(result.gases.CH4).toBeCloseTo(coalCh4, 9);
    expect(result.gases.N2O).toBeCloseTo(coalN2o, 9);
    // 10^8 kWh × 0.1229 kgce/kWh = 12,290 tce; 10,000 t raw coal × 0.7143 kgce/kg = 7,143 tce.
    expect(result.energy.tce).toBeCloseTo(12_290 + 7_143, 6);
    // Per person (100,000 persons) and per 万元 (100 亿元 = 1,000,000 万元).
    expect(result.intensity.perCapita).toBeCloseTo((electricity + coal) / 100_000, 9);
    expect(result.intensity.perGdp).toBeCloseTo((electricity + coal) / 1_000_000, 9);

    // Notation lines compute nothing: two lines, indexed by their place in the file.
    expect(result.lines.map((line) => [line.index, line.gpc, line.scope, line.level])).toEqual([
      [0, 'I.1.2', 2, 'BASIC'],
      [1, 'I.3.1', 1, 'BASIC'],
    ]);
    const [power, fuel] = result.lines;
    expect(power!.co2e).toBeCloseTo(electricity, 6);
    expect(power!.gases).toEqual({ CO2: power!.co2e, CH4: 0, N2O: 0 });
    expect(power!.factors[0]).toMatchObject({ id: 'CN-east-2022', value: 0.5617, unit: 't/MWh' });
    expect(fuel!.co2e).toBeCloseTo(coal, 6);
    expect(fuel!.factors.map((factor) => factor.id)).toEqual(
      expect.arrayContaining(['gbt2589.ncv.raw_coal', 'cn-provincial.carbon-content.raw_coal', 'cn-provincial.oxidation.raw_coal']),
    );
    for (const line of result.lines) {
      expect(Array.isArray(line.assumptions)).toBe(true);
      for (const factor of line.factors) {
        expect(typeof factor.id).toBe('string');
        expect(typeof factor.value).toBe('number');
        expect(typeof factor.unit).toBe('string');
        expect(Object.keys(factor)).toEqual(['id', 'value', 'unit']);
        expect(result.sources[factor.id]!.source.length, `${factor.id} has a source`).toBeGreaterThan(0);
      }
    }
    expect(result.sources['CN-east-2022']).toMatchObject({ table: 'Annex: regional averages', verification: 'secondary' });
    expect(result.notationKeys).toEqual([{ gpc: 'V.1.1', key: 'NE', explanation: 'no land-use data' }]);
  });

  it('reads a .json file', () => {
    const json = JSON.stringify({
      city: 'Jsontown',
      year: 2022,
      factorSet: 'cn',
      activities: [{ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: '万kWh', grid: 'CN-east-2022' }],
    });
    const run = peakpath('inventory', file('jsontown.json', json), '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as ContractJson;
    // 1 万kWh = 10 MWh × 0.5617 t/MWh = 5.617 tCO2e.
    expect(result.city).toBe('Jsontown');
    expect(result.totals.basic).toBeCloseTo(5.617, 9);
    // No population or GDP: no intensity.
    expect(result.intensity.perCapita).toBeUndefined();
    expect(result.intensity.perGdp).toBeUndefined();
  });

  it('prints Chinese headings with --lang zh', () => {
    const run = peakpath('inventory', file('testville-zh.yaml', ELECTRICITY_YAML), '--lang', 'zh');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('测试市 — 2022 年 GPC 温室气体清单');
    expect(run.stdout).toMatch(/^领域 +范围一 +范围二 +范围三 +BASIC +BASIC\+ +仅属地口径$/m);
    expect(run.stdout).toMatch(/^合计 +0 +168,510 +0 +168,510 +168,510 +0$/m);
    expect(run.stdout).toContain('单位：吨二氧化碳当量（tCO2e）。');
  });
});

describe('errors: exit status 2, messages on standard error, no stack trace', () => {
  // The example of docs/inventory-file.md, "Errors and exit status": four problems in one file.
  const INVALID_YAML = `city: { name: Example City, country: CN }
year: 2022
grid: CN-east-2O22
activities:
  - { gpc: I.3.1, fuel: raw_coal, amount: 180, unit: 万吨 }
  - { gpc: I.1.1, fuel: natural_gas, amount: 3.2, unit: 亿立方米 }
  - { gpc: II.1.1, fuel: gasoline, amount: 68, unit: 万吨 }
  - { gpc: I.2.2, energy: electricity, amount: 95, unit: kWhh }
  - { gpc: II.1.2, energy: heat, amount: 5000, unit: GJ, ef: { CO2: { value: 62.33, unit: kg/GJ } } }
`;

  it('an invalid file: one line per problem, each naming its place, and nothing on standard output', () => {
    const path = file('city.yaml', INVALID_YAML);
    const run = peakpath('inventory', path);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('    at ');
    expect(run.stderr.split('\n')).toEqual([
      `${path}: 4 input problems; nothing computed.`,
      'grid: "CN-east-2O22" is not a grid factor in the library (did you mean "CN-east-2022"?)',
      'activities[2].technology: the library has no value for this line (gasoline, road); the method needs a vehicle technology for gasoline on roads: add `technology` ("gasoline-uncontrolled", "gasoline-oxidation-catalyst" or "gasoline-low-mileage-1995"), or `ef.CH4` and `ef.N2O`',
      'activities[3].unit: "kWhh" is not a known unit (did you mean "kWh"?)',
      'activities[4].gpc: heat lines do not belong on GPC row II.1.2; that row takes: electricity, emissions, notation',
      '',
    ]);
  });

  it('an invalid file with --lang zh: the heading and messages in Chinese', () => {
    const path = file('city-zh.yaml', INVALID_YAML);
    const run = peakpath('inventory', path, '--lang', 'zh');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`${path}：发现 4 处输入问题，未计算。`);
    expect(lines).toContain('activities[3].unit："kWhh" 不是已知单位（是否应为 "kWh"？）');
    expect(lines).toHaveLength(5);
  });

  it('YAML .nan and .inf reach the checks and are refused as not finite', () => {
    const run = peakpath('inventory', file('nan.yaml', 'city: X\nyear: .nan\nactivities:\n  - { gpc: I.3.1, fuel: diesel, amount: .inf, unit: t }\n'));
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n').slice(1)).toEqual(['year: must be a finite number', 'activities[0].amount: must be a finite number']);
  });

  it('a YAML file that is not a mapping', () => {
    const run = peakpath('inventory', file('list.yaml', '- 1\n- 2\n'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('(document): an inventory file must be an object (a mapping), got array');
  });

  it('a missing file: one message naming the file', () => {
    const path = join(dir, 'no-such-file.yaml');
    const run = peakpath('inventory', path);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${path}: cannot read the file (ENOENT) / 无法读取文件\n`);
  });

  it('malformed YAML: the file, line and column', () => {
    const path = file('malformed.yaml', 'city: Testville\nyear: 2022\n  grid: CN-east-2022\nactivities: []\n');
    const run = peakpath('inventory', path);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: not valid YAML: .* at line 2, column 7 \\/ 不是有效的 YAML\\n$`));
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('    at ');
  });

  it('malformed JSON: the file and what is wrong', () => {
    const path = file('malformed.json', '{ "city": "X", "year": 2022, }');
    const run = peakpath('inventory', path);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`${path}: not valid JSON: `)).toBe(true);
    expect(run.stderr).toContain('at line 1, column 30');
    expect(run.stderr).not.toContain('    at ');
  });

  it('an unknown command', () => {
    const run = peakpath('frobnicate');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it('an unknown option', () => {
    const run = peakpath('inventory', file('option.yaml', ELECTRICITY_YAML), '--frobnicate');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("unknown option '--frobnicate'");
  });

  it('an option value that is not one of its choices, and a missing argument', () => {
    const lang = peakpath('inventory', file('lang.yaml', ELECTRICITY_YAML), '--lang', 'fr');
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain("argument 'fr' is invalid");
    const argument = peakpath('inventory');
    expect(argument.status).toBe(2);
    expect(argument.stderr).toContain("missing required argument 'file'");
  });
});

describe('peakpath factors', () => {
  it('lists the grid factors, CN-east-2022 at 0.5617 t/MWh', () => {
    const run = peakpath('factors', 'grid');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^CN-east-2022 +grid +0\.5617 +t\/MWh +\S+ +.*East China.*$/m);
    expect(run.stdout).toMatch(/^\d+ factors, library \S+\./m);
  });

  it('prints JSON with --json, every factor with its source', () => {
    const run = peakpath('factors', '--json');
    expect(run.status).toBe(0);
    const library = JSON.parse(run.stdout) as {
      version: string;
      factors: { id: string; kind: string; value: number; unit: string; source: { id: string; title: string }; citation: string }[];
    };
    expect(typeof library.version).toBe('string');
    expect(library.factors.length).toBeGreaterThan(50);
    for (const factor of library.factors) {
      expect(factor.source.id.length, `${factor.id} has a source`).toBeGreaterThan(0);
      expect(factor.source.title.length, `${factor.id} has a source title`).toBeGreaterThan(0);
      expect(factor.citation.length, `${factor.id} has a citation`).toBeGreaterThan(0);
    }
    expect(library.factors.find((factor) => factor.id === 'CN-east-2022')).toMatchObject({ kind: 'grid', value: 0.5617, unit: 't/MWh' });
  });

  it('refuses an unknown --kind with exit status 2', () => {
    const run = peakpath('factors', '--kind', 'nonsense');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--kind: "nonsense" is not one of');
  });
});

describe('peakpath units', () => {
  it('lists the yearbook units, 万吨 and 亿千瓦时 among them', () => {
    const run = peakpath('units');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^万t +万吨 +mass +10000 t /m);
    expect(run.stdout).toMatch(/^亿kWh +亿千瓦时 +energy +360000 GJ /m);
  });

  it('prints JSON with --json', () => {
    const run = peakpath('units', '--json');
    expect(run.status).toBe(0);
    const units = JSON.parse(run.stdout) as { id: string; dimension: string; toBase: number; aliases: string[]; baseUnit: string }[];
    expect(units.find((unit) => unit.aliases.includes('万吨'))).toMatchObject({ id: '万t', dimension: 'mass', toBase: 10_000, baseUnit: 't' });
    expect(units.find((unit) => unit.aliases.includes('亿千瓦时'))).toMatchObject({ id: '亿kWh', dimension: 'energy', toBase: 360_000, baseUnit: 'GJ' });
  });
});

describe('peakpath methods', () => {
  it('lists the calculation methods with their GPC rows and fields', () => {
    const run = peakpath('methods');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/biological-treatment\s+Biological treatment of waste.*III\.2\.1 III\.2\.2 III\.2\.3/);
  });

  it('prints JSON with --json', () => {
    const run = peakpath('methods', '--json');
    expect(run.status).toBe(0);
    const methods = JSON.parse(run.stdout) as { id: string; rows: string[]; fields: string[] }[];
    expect(methods.find((method) => method.id === 'biological-treatment')?.fields).toContain('treatment');
  });

  it('computes a method line and names its method in the JSON', () => {
    // 1,000 t composted (wet): CH4 4 t, N2O 0.3 t (Table 4.1) → 4 × 28 + 0.3 × 265 = 191.5 tCO2e (AR5).
    const path = file(
      'method.yaml',
      'city: Testville\nyear: 2022\nactivities:\n  - { gpc: III.2.1, method: biological-treatment, treatment: composting, waste: { value: 1000, unit: 吨 }, basis: wet }\n',
    );
    const run = peakpath('inventory', path, '--json');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { totals: { basic: number }; lines: { method: string; form: string }[] };
    expect(result.totals.basic).toBeCloseTo(191.5, 9);
    expect(result.lines[0]).toMatchObject({ form: 'method', method: 'biological-treatment' });
  });
});

describe('peakpath factors with several words', () => {
  it('takes every word as a search term, as the README shows', () => {
    const run = peakpath('factors', 'grid', 'east', '2022');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('CN-east-2022');
    expect(run.stdout).not.toContain('CN-northeast-2022');
    expect(run.stdout).toContain('1 factor,');
    // Without the year, the East China series: 2021, 2022, 2023.
    expect(peakpath('factors', 'grid', 'east').stdout).toContain('3 factors,');
  });
});

describe('a grid named without its year (issue 12)', () => {
  it('prints the nearest-year choice in the table, in English and Chinese, and lists it in the JSON', () => {
    const path = file('grid-series.yaml', ELECTRICITY_YAML.replace('year: 2022', 'year: 2024').replace('grid: CN-east-2022', 'grid: CN-east'));
    const en = peakpath('inventory', path);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain(
      "Assumed: grid factor CN-east-2023 for `CN-east`: no factor of the inventory year 2024 is published (the series has 2021, 2022, 2023), so the nearest year's, 2023, is used\n",
    );
    // 300,000 MWh × 0.55 t/MWh (CN-east-2023) = 165,000 tCO2e.
    expect(en.stdout).toContain('165,000');
    const zh = peakpath('inventory', path, '--lang', 'zh');
    expect(zh.stdout).toContain('假设：`CN-east` 无清单年份 2024 年的公布值（该系列有 2021、2022、2023 年），采用最近年份 2023 年的 CN-east-2023\n');
    const json = JSON.parse(peakpath('inventory', path, '--json').stdout) as { assumptions: { code: string }[] };
    expect(json.assumptions.map((assumption) => assumption.code)).toContain('grid-nearest-year');
  });
});
