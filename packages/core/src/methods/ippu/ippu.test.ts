/**
 * Industrial processes (GPC IV.1.1), worked by hand from IPCC 2006 Vol.3:
 * cement 0.52 t CO2/t clinker (Tier 1) or 0.51 × CKD 1.02 (§2.2.1.2); lime 0.75 high-calcium, 0.86 / 0.77
 * dolomitic, 0.75 unspecified (Table 2.4, §2.3.1.2); glass 0.20 × (1 − cullet 0.5) (Eq 2.10); ammonia
 * Table 3.1; iron and steel Table 4.1, sinter CH4 0.07 kg/t (Table 4.2).
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, runInventory, type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, issuesOf, pathsAndCodes, type Fields } from '../../../../../test/support/method-line.ts';

const line = (method: string, fields: Fields, gwp = 'AR5'): LineResult => computeLine({ gpc: 'IV.1.1', method, ...fields }, { gwp });
const issues = (method: string, fields: Fields): { path: string; code: string }[] => pathsAndCodes(issuesOf([{ gpc: 'IV.1.1', method, ...fields }]));

const ids = (result: LineResult): string[] => result.factors.map((factor) => factor.id);

describe('ippu-cement', () => {
  it('clinker in 万吨 with the Tier 1 factor', () => {
    // 100 万吨 = 1,000,000 t clinker × 0.52 t CO2/t = 520,000 t CO2.
    const result = line('ippu-cement', { clinker: { value: 100, unit: '万吨' } });
    expect(closeTo(result.gases.CO2, 520_000)).toBe(true);
    expect(closeTo(result.co2e, 520_000)).toBe(true);
    expect(ids(result)).toEqual(['ipcc2006.ippu.cement.ef-clinker-tier1']);
    expect(result.assumptions.map((a) => a.code)).toEqual(['library-default']);
  });

  it('clinker from cement, clinker fraction, imports and exports (Eq 2.1)', () => {
    // clinker = 2,000,000 t × 0.7 − 100,000 + 50,000 = 1,350,000 t; × 0.52 = 702,000 t CO2.
    const result = line('ippu-cement', {
      cement: { value: 200, unit: '万吨' },
      clinkerFraction: 0.7,
      clinkerImported: { value: 10, unit: '万吨' },
      clinkerExported: { value: 50_000, unit: 't' },
    });
    expect(closeTo(result.gases.CO2, 702_000)).toBe(true);
    expect(ids(result)).toEqual(['line:clinkerFraction', 'ipcc2006.ippu.cement.ef-clinker-tier1']);
  });

  it('a plant clinker factor with the default CKD correction, or the reverse (Eq 2.2)', () => {
    // 50,000 t × 0.525 t/t × 1.02 = 26,775 t; and 50,000 × 0.51 × 1.05 = 26,775 t.
    const own = line('ippu-cement', { clinker: { value: 50_000, unit: 't' }, clinkerFactor: { value: 525, unit: 'kg/t' } });
    expect(closeTo(own.gases.CO2, 26_775)).toBe(true);
    expect(ids(own)).toEqual(['line:clinkerFactor', 'ipcc2006.ippu.cement.ckd-correction']);
    const ckd = line('ippu-cement', { clinker: { value: 50_000, unit: 't' }, ckdCorrection: 1.05 });
    expect(closeTo(ckd.gases.CO2, 26_775)).toBe(true);
    expect(ids(ckd)).toEqual(['ipcc2006.ippu.cement.ef-clinker', 'line:ckdCorrection']);
  });

  it('reports what is missing, conflicting or out of range', () => {
    expect(issues('ippu-cement', {})).toEqual([{ path: 'activities.0.clinker', code: 'required' }]);
    expect(issues('ippu-cement', { cement: { value: 10, unit: '万吨' } })).toEqual([{ path: 'activities.0.clinkerFraction', code: 'required' }]);
    expect(issues('ippu-cement', { clinker: { value: 1, unit: 't' }, cement: { value: 1, unit: 't' }, clinkerFraction: 0.7 })).toEqual([
      { path: 'activities.0.cement', code: 'conflict' },
      { path: 'activities.0.clinkerFraction', code: 'conflict' },
    ]);
    expect(issues('ippu-cement', { clinker: { value: 1, unit: 't' }, ckdCorrection: 0.9 })).toEqual([{ path: 'activities.0.ckdCorrection', code: 'out-of-range' }]);
    // 100 t of cement at 0.7 holds 70 t of clinker: 80 t imported cannot be.
    expect(issues('ippu-cement', { cement: { value: 100, unit: 't' }, clinkerFraction: 0.7, clinkerImported: { value: 80, unit: 't' } })).toEqual([
      { path: 'activities.0.clinkerImported', code: 'out-of-range' },
    ]);
    expect(issues('ippu-cement', { clinker: { value: 1, unit: 'GJ' } })).toEqual([{ path: 'activities.0.clinker.unit', code: 'wrong-dimension' }]);
  });
});

describe('ippu-lime and ippu-glass', () => {
  it('lime by type (Table 2.4) and unspecified (Tier 1, stated)', () => {
    // 100,000 t × 0.75 = 75,000; 20,000 × 0.86 = 17,200; 20,000 × 0.77 = 15,400; 1,000 × 0.75 = 750.
    expect(closeTo(line('ippu-lime', { lime: { value: 10, unit: '万吨' }, limeType: 'high-calcium' }).gases.CO2, 75_000)).toBe(true);
    expect(closeTo(line('ippu-lime', { lime: { value: 20_000, unit: 't' }, limeType: 'dolomitic-95' }).gases.CO2, 17_200)).toBe(true);
    expect(closeTo(line('ippu-lime', { lime: { value: 20_000, unit: 't' }, limeType: 'dolomitic-85' }).gases.CO2, 15_400)).toBe(true);
    const unspecified = line('ippu-lime', { lime: { value: 1000, unit: 't' } });
    expect(closeTo(unspecified.gases.CO2, 750)).toBe(true);
    expect(unspecified.assumptions[0]!.text.en).toContain('type not given (Tier 1 blend): library default ipcc2006.ippu.lime.ef.unspecified = 0.75 t/t');
  });

  it('lime with its own factor; a dolomitic lime must say which', () => {
    // 1,000 t × 0.79 t/t = 790 t.
    expect(closeTo(line('ippu-lime', { lime: { value: 1000, unit: 't' }, limeType: 'dolomitic-85', factor: { value: 0.79, unit: 't/t' } }).gases.CO2, 790)).toBe(true);
    expect(issues('ippu-lime', { lime: { value: 1000, unit: 't' }, limeType: 'dolomitic' })).toEqual([{ path: 'activities.0.limeType', code: 'unknown-category' }]);
  });

  it('glass with the default and a given cullet ratio (Eq 2.10)', () => {
    // 50,000 t × 0.20 × (1 − 0.5) = 5,000 t; with cullet 0.2: 50,000 × 0.20 × 0.8 = 8,000 t.
    const defaults = line('ippu-glass', { glass: { value: 5, unit: '万吨' } });
    expect(closeTo(defaults.gases.CO2, 5000)).toBe(true);
    expect(ids(defaults)).toEqual(['ipcc2006.ippu.glass.ef', 'ipcc2006.ippu.glass.cullet-ratio']);
    expect(closeTo(line('ippu-glass', { glass: { value: 5, unit: '万吨' }, culletRatio: 0.2 }).gases.CO2, 8000)).toBe(true);
    expect(issues('ippu-glass', { glass: { value: 5, unit: '万吨' }, culletRatio: 1.5 })).toEqual([{ path: 'activities.0.culletRatio', code: 'out-of-range' }]);
  });
});

describe('ippu-ammonia', () => {
  it('by process (Table 3.1)', () => {
    // 300,000 t NH3 × 1.694 = 508,200 t CO2.
    const result = line('ippu-ammonia', { ammonia: { value: 30, unit: '万吨' }, process: 'conventional-reforming' });
    expect(closeTo(result.gases.CO2, 508_200)).toBe(true);
    expect(ids(result)).toEqual(['ipcc2006.ippu.ammonia.ef.conventional-reforming']);
  });

  it('less the CO2 recovered for urea, stated (Eq 3.1)', () => {
    // 100,000 t × 2.772 = 277,200 t; − 50,000 t recovered = 227,200 t.
    const result = line('ippu-ammonia', { ammonia: { value: 100_000, unit: 't' }, process: 'partial-oxidation', co2Recovered: { value: 5, unit: '万吨' } });
    expect(closeTo(result.gases.CO2, 227_200)).toBe(true);
    expect(result.assumptions.map((a) => a.code)).toEqual(['library-default', 'ammonia-co2-recovered']);
  });

  it('a plant factor needs no process; without either the process is required', () => {
    // 10,000 t × 3.8 t/t (a coal-gasification plant's own factor) = 38,000 t.
    expect(closeTo(line('ippu-ammonia', { ammonia: { value: 10_000, unit: 't' }, factor: { value: 3.8, unit: 't/t' } }).gases.CO2, 38_000)).toBe(true);
    expect(issues('ippu-ammonia', { ammonia: { value: 10_000, unit: 't' } })).toEqual([{ path: 'activities.0.process', code: 'required' }]);
    expect(issues('ippu-ammonia', { ammonia: { value: 1, unit: 't' }, process: 'excess-air', co2Recovered: { value: 2, unit: 't' } })).toEqual([
      { path: 'activities.0.co2Recovered', code: 'out-of-range' },
    ]);
  });
});

describe('ippu-iron-steel', () => {
  it('BOF steel: CO2 only, and the line says CH4 is not estimated', () => {
    // 5,000,000 t × 1.46 = 7,300,000 t CO2.
    const result = line('ippu-iron-steel', { route: 'bof', production: { value: 500, unit: '万吨' } });
    expect(closeTo(result.gases.CO2, 7_300_000)).toBe(true);
    expect(result.gases.CH4).toBe(0);
    expect(result.assumptions.map((a) => a.code)).toEqual(['library-default', 'iron-steel-ch4-not-estimated']);
  });

  it('sinter: CO2 and fossil CH4 (Tables 4.1, 4.2)', () => {
    // 8,000,000 t × 0.20 = 1,600,000 t CO2; × 0.07 kg = 560 t CH4.
    // AR5: 1,600,000 + 560 × 28 = 1,615,680; AR6 (fossil CH4): 1,600,000 + 560 × 29.8 = 1,616,688.
    const result = line('ippu-iron-steel', { route: 'sinter', production: { value: 800, unit: '万吨' } });
    expect(closeTo(result.gases.CO2, 1_600_000)).toBe(true);
    expect(closeTo(result.gases.CH4, 560)).toBe(true);
    expect(closeTo(result.co2e, 1_615_680)).toBe(true);
    expect(closeTo(line('ippu-iron-steel', { route: 'sinter', production: { value: 800, unit: '万吨' } }, 'AR6').co2e, 1_616_688)).toBe(true);
  });

  it('a route with its own factors; an unknown route', () => {
    // 100,000 t × 0.12 t/t = 12,000 t CO2; × 1 g/t = 0.1 t CH4.
    const result = line('ippu-iron-steel', { route: 'eaf', production: { value: 100_000, unit: 't' }, factor: { value: 0.12, unit: 't/t' }, ch4Factor: { value: 1, unit: 'g/t' } });
    expect(closeTo(result.gases.CO2, 12_000)).toBe(true);
    expect(closeTo(result.gases.CH4, 0.1)).toBe(true);
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'IV.1.1', method: 'ippu-iron-steel', route: 'BOF', production: { value: 1, unit: 't' } }] });
    expect(run.ok ? [] : run.issues.map((issue) => formatIssue(issue))).toEqual([
      'activities[0].route: "BOF" is not one of "bof", "eaf", "ohf", "global-average", "pig-iron", "dri", "sinter", "pellet", "coke" (did you mean "bof"?)',
    ]);
  });

  it('IPPU methods are refused on another row', () => {
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'IV.2.1', method: 'ippu-cement', clinker: { value: 1, unit: 't' } }] });
    expect(run.ok ? [] : run.issues.map((issue) => issue.code)).toEqual(['method-not-on-row']);
  });
});

describe('all problems at once', () => {
  it('an unknown route does not hide a bad unit on a factor of the same line', () => {
    const run = runInventory({ city: 'Test', year: 2022, activities: [{ gpc: 'IV.1.1', method: 'ippu-iron-steel', route: 'bofx', production: { value: 1, unit: 't' }, ch4Factor: { value: 1, unit: 'kgg/t' } }] });
    expect(run.ok).toBe(false);
    if (!run.ok) expect(run.issues.map((issue) => issue.path.join('.'))).toEqual(['activities.0.route', 'activities.0.ch4Factor.unit']);
  });
});
