/**
 * Fugitive CH4 from coal mining (GPC I.7.1), worked by hand from IPCC 2006 Vol.2 Ch.4.1, Tier 1
 * (m³ CH4 per tonne, low / average / high): underground 10 / 18 / 25 (Eq 4.1.3), post-mining
 * 0.9 / 2.5 / 4.0 (Eq 4.1.4); surface 0.3 / 1.2 / 2.0 (Eq 4.1.7), post-mining 0 / 0.1 / 0.2 (Eq 4.1.8);
 * CH4 density 0.67 × 10⁻⁶ Gg/m³ = 6.7 × 10⁻⁴ t/m³.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, runInventory, type LineResult } from '../../index.ts';
import { closeTo } from '../../../../../test/support/fast-check.ts';
import { computeLine, type Fields } from '../../../../../test/support/method-line.ts';

const first = (line: Fields, gwp = 'AR5'): LineResult => computeLine({ gpc: 'I.7.1', method: 'coal-mining', ...line }, { gwp });

describe('coal mining', () => {
  it('100 万吨 from underground mines, average factors stated', () => {
    // CH4 = 1,000,000 t × (18 + 2.5) m³/t × 6.7 × 10⁻⁴ t/m³ = 20,500,000 m³ × 6.7 × 10⁻⁴ = 13,735 t
    // AR5: 13,735 × 28 = 384,580 tCO2e; AR6 (fossil): 13,735 × 29.8 = 409,303 tCO2e
    const line = first({ mining: 'underground', production: { value: 100, unit: '万吨' } });
    expect(closeTo(line.gases.CH4, 13735)).toBe(true);
    expect(line.gases.CO2).toBe(0);
    expect(closeTo(line.co2e, 384580)).toBe(true);
    expect(line.method).toBe('coal-mining');
    expect(line.factors.map((f) => f.id)).toEqual([
      'ipcc2006.coal-mining.underground.mining.average',
      'ipcc2006.coal-mining.ch4-density',
      'ipcc2006.coal-mining.underground.post-mining.average',
      'gwp.ar5.ch4',
    ]);
    expect(line.assumptions.map((a) => a.code)).toEqual(['coal-mining-estimate-average', 'library-default', 'library-default', 'library-default']);
    expect(closeTo(first({ mining: 'underground', production: { value: 100, unit: '万吨' } }, 'AR6').co2e, 409303)).toBe(true);
  });

  it('50 万吨 from surface mines at the low end', () => {
    // CH4 = 500,000 t × (0.3 + 0) m³/t × 6.7 × 10⁻⁴ t/m³ = 150,000 m³ × 6.7 × 10⁻⁴ = 100.5 t
    const line = first({ mining: 'surface', production: { value: 50, unit: '万吨' }, estimate: 'low' });
    expect(closeTo(line.gases.CH4, 100.5)).toBe(true);
    expect(line.assumptions.map((a) => a.code)).not.toContain('coal-mining-estimate-average');
  });

  it('surface mines at the high end', () => {
    // CH4 = 1,000 t × (2.0 + 0.2) m³/t × 6.7 × 10⁻⁴ = 1.474 t
    expect(closeTo(first({ mining: 'surface', production: { value: 1000, unit: 't' }, estimate: 'high' }).gases.CH4, 1.474)).toBe(true);
  });

  it('a measured mining factor replaces its stage only', () => {
    // CH4 = 200,000 t × (12 (line) + 4.0 (high post-mining)) m³/t × 6.7 × 10⁻⁴ = 3,200,000 m³ × 6.7 × 10⁻⁴ = 2,144 t
    const line = first({ mining: 'underground', production: { value: 20, unit: '万吨' }, estimate: 'high', miningFactor: { value: 12, unit: 'm3/t' } });
    expect(closeTo(line.gases.CH4, 2144)).toBe(true);
    expect(line.factors.map((f) => f.id)).toEqual(['line:miningFactor', 'ipcc2006.coal-mining.ch4-density', 'ipcc2006.coal-mining.underground.post-mining.high', 'gwp.ar5.ch4']);
  });

  it('factors by mass need no density', () => {
    // CH4 = 1,000 t × (10 + 1) kg/t = 11 t
    const line = first({ mining: 'underground', production: { value: 1000, unit: 't' }, miningFactor: { value: 10, unit: 'kg/t' }, postMiningFactor: { value: 1, unit: 'kg/t' } });
    expect(closeTo(line.gases.CH4, 11)).toBe(true);
    expect(line.factors.map((f) => f.id)).toEqual(['line:miningFactor', 'line:postMiningFactor', 'gwp.ar5.ch4']);
    expect(line.assumptions).toEqual([]);
  });

  it('reports bad input with paths', () => {
    const run = runInventory({
      city: 'Test',
      year: 2022,
      activities: [
        { gpc: 'I.7.1', method: 'coal-mining', mining: 'opencast', production: { value: 100, unit: 'm3' }, estimate: 'medium' },
        { gpc: 'I.7.1', method: 'coal-mining', mining: 'surface', production: { value: 1, unit: 't' }, estimate: 'low', miningFactor: { value: 1, unit: 'kg/t' }, postMiningFactor: { value: 1, unit: 'kg/m3' } },
        { gpc: 'I.8.1', method: 'coal-mining', mining: 'surface', production: { value: 1, unit: 't' } },
        { gpc: 'I.7.1', method: 'coal-mining', production: { value: 1, unit: 't' }, depth: 300 },
      ],
    });
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.issues.map((issue) => formatIssue(issue))).toEqual([
      'activities[0].mining: "opencast" is not one of "underground", "surface"',
      'activities[0].production.unit: unit "m3" measures volume, expected mass',
      'activities[0].estimate: "medium" is not one of "low", "average", "high"',
      'activities[1].estimate: "estimate" and "miningFactor" cannot go together (they set the same value, or contradict each other): keep one',
      'activities[1].postMiningFactor.unit: unit "kg/m3" measures mass/volume, expected volume/mass or mass/mass',
      'activities[2].gpc: method "coal-mining" does not compute GPC row I.8.1; it computes I.7.1',
      'activities[3].depth: "depth" is not a known field',
      'activities[3].mining: is required',
    ]);
  });
});
