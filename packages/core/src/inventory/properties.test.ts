/** Property tests of the inventory arithmetic, with a logged seed (replay: FC_SEED=<seed>). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closeTo, propertySettings } from '../../../../test/support/fast-check.ts';
import { runInventory, type InventoryResult } from '../index.ts';

/** Valid line templates across forms, rows and units; amounts are drawn by the properties. */
const TEMPLATES: Record<string, unknown>[] = [
  { gpc: 'I.1.1', fuel: 'natural_gas', unit: '亿立方米' },
  { gpc: 'I.1.1', fuel: 'lpg', unit: '万吨' },
  { gpc: 'I.2.1', fuel: 'diesel', unit: 't' },
  { gpc: 'I.3.1', fuel: 'raw_coal', unit: '万t' },
  { gpc: 'I.3.1', fuel: 'coke', unit: 'kt' },
  { gpc: 'I.3.1', fuel: 'anthracite', unit: 't', ncv: { value: 24.515, unit: 'GJ/t' }, carbonContent: { value: 27.49, unit: 'tC/TJ' }, oxidation: 0.94 },
  { gpc: 'I.4.4', fuel: 'raw_coal', unit: '万吨' },
  { gpc: 'I.4.1', fuel: 'natural_gas', unit: '万m3' },
  { gpc: 'I.5.1', fuel: 'diesel', unit: '万吨标准煤' },
  { gpc: 'II.1.1', fuel: 'gasoline', unit: '万吨', technology: 'gasoline-uncontrolled' },
  { gpc: 'II.1.1', fuel: 'natural_gas', unit: 'm3' },
  { gpc: 'II.5.1', fuel: 'diesel', unit: 't', ef: { CH4: { value: 4.15, unit: 'kg/TJ' }, N2O: { value: 28.6, unit: 'kg/TJ' } } },
  { gpc: 'I.1.2', energy: 'electricity', unit: '亿千瓦时' },
  { gpc: 'I.3.2', energy: 'electricity', unit: 'MWh', grid: 'CN-hebei-2022' },
  { gpc: 'I.4.3', energy: 'electricity', unit: '万kWh' },
  { gpc: 'I.3.2', energy: 'heat', unit: 'GJ', ef: { CO2: { value: 100, unit: 'kg/GJ' } } },
  { gpc: 'III.1.1', gas: 'CH4', unit: 't' },
  { gpc: 'III.3.3', gas: 'CO2', unit: 'kt' },
  { gpc: 'III.2.2', gas: 'N2O', unit: 'kg' },
  { gpc: 'IV.1.1', gas: 'CO2', unit: '万吨' },
  { gpc: 'V.1.1', gas: 'CH4', unit: 't' },
  { gpc: 'VI.1', gas: 'CO2', unit: 't' },
];
const CO2_ONLY = TEMPLATES.filter((t) => t['energy'] !== undefined || t['gas'] === 'CO2');

const amount = fc.double({ min: 0, max: 1e7, noNaN: true, noDefaultInfinity: true });

function run(lines: Record<string, unknown>[], gwp = 'AR5'): InventoryResult {
  const result = runInventory({ city: { name: 'Property', country: 'CN' }, year: 2022, gwp, grid: 'CN-east-2022', activities: lines });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.result;
}

const lineArbitrary = fc.tuple(fc.constantFrom(...TEMPLATES), amount).map(([template, value]) => ({ ...template, amount: value }));

describe('inventory properties', () => {
  it('totals equal the sums of their lines', () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 1, maxLength: 40 }), (lines) => {
        const result = run(lines);
        const sum = (keep: (line: InventoryResult['lines'][number]) => boolean) =>
          result.lines.filter(keep).reduce((total, line) => total + line.co2e, 0);
        const inBasicPlus = (line: InventoryResult['lines'][number]) => line.level === 'BASIC' || line.level === 'BASIC+';
        const checks: [number, number][] = [
          [result.totals.basic, sum((line) => line.level === 'BASIC')],
          [result.totals.basicPlus, sum(inBasicPlus)],
          [result.totals.scope1, sum((line) => line.scope === 1)],
          [result.totals.scope2, sum((line) => line.scope === 2)],
          [result.totals.scope3, sum((line) => line.scope === 3)],
          [result.gases.CO2, result.lines.filter(inBasicPlus).reduce((total, line) => total + line.gases.CO2, 0)],
          [result.energy.tce, result.lines.filter((line) => line.level === 'BASIC').reduce((total, line) => total + line.energyTce, 0)],
          [
            result.totals.basicPlus,
            Object.values(result.bySector).reduce((total, sector) => total + sector.basicPlus, 0),
          ],
        ];
        return checks.every(([actual, expected]) => closeTo(actual, expected, 1e-9));
      }),
      propertySettings('totals equal the sums of their lines'),
    );
  });

  it('scaling an input scales its emissions and energy', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEMPLATES), amount, fc.double({ min: 0.001, max: 1000, noNaN: true }), (template, value, factor) => {
        const base = run([{ ...template, amount: value }]).lines[0]!;
        const scaled = run([{ ...template, amount: value * factor }]).lines[0]!;
        return (
          closeTo(scaled.co2e, base.co2e * factor, 1e-9) &&
          closeTo(scaled.gases.CO2, base.gases.CO2 * factor, 1e-9) &&
          closeTo(scaled.energyTce, base.energyTce * factor, 1e-9)
        );
      }),
      propertySettings('scaling an input scales its emissions'),
    );
  });

  it('switching the GWP set never changes a CO2-only line, nor any line\'s gas masses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CO2_ONLY), fc.constantFrom(...TEMPLATES), amount, (co2Only, any, value) => {
        const lines = [{ ...co2Only, amount: value }, { ...any, amount: value }];
        const [ar4, ar5, ar6] = (['AR4', 'AR5', 'AR6'] as const).map((gwp) => run(lines, gwp));
        const co2OnlySame = ar4!.lines[0]!.co2e === ar5!.lines[0]!.co2e && ar5!.lines[0]!.co2e === ar6!.lines[0]!.co2e;
        const massesSame = [ar4!, ar6!].every((other) => JSON.stringify(other.lines[1]!.gases) === JSON.stringify(ar5!.lines[1]!.gases));
        return co2OnlySame && massesSame;
      }),
      propertySettings('switching GWP never changes a CO2-only line'),
    );
  });

  it('the order of lines does not change the totals', () => {
    fc.assert(
      fc.property(fc.array(lineArbitrary, { minLength: 2, maxLength: 20 }), (lines) => {
        const forward = run(lines).totals;
        const backward = run([...lines].reverse()).totals;
        return (Object.keys(forward) as (keyof typeof forward)[]).every((key) => closeTo(forward[key], backward[key], 1e-9));
      }),
      propertySettings('line order does not change totals', 300),
    );
  });
});

describe('GWP weights actually applied', () => {
  it('the same CH4 line weighs 25, 28 and 27.0 under AR4, AR5 and AR6 (waste)', () => {
    const weights = (['AR4', 'AR5', 'AR6'] as const).map((gwp) => run([{ gpc: 'III.1.1', gas: 'CH4', amount: 1, unit: 't' }], gwp).totals.basic);
    expect(weights).toEqual([25, 28, 27]);
  });
});
