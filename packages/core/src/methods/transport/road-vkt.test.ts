/**
 * On-road transport by vehicle-km (GPC II.1), worked by hand. Consumption and per-km factors are the
 * city's own (illustrative values here, each with a source); the defaults are the library's:
 * IPCC 2006 Vol.2 Table 1.2 NCV (gasoline 44.3, diesel 43.0 TJ/Gg), Table 1.4 CO2 (gasoline 69,300,
 * diesel 74,100 kg/TJ), Table 3.2.2 road CH4/N2O (gasoline low-mileage 1995+ 3.8/5.7, diesel 3.9/3.9,
 * natural gas 92/3 kg/TJ); GB/T 2589 natural gas 38.931 MJ/m³ with the provincial guideline's 15.3 tC/TJ
 * and oxidation 0.99; MEE grid factor CN-east-2022 0.5617 t/MWh.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIssue, runInventory, type InventoryResult, type LineResult } from '../../index.ts';
import { closeTo, propertySettings } from '../../../../../test/support/fast-check.ts';
import { computeLines, issuesOf, messages, type Fields, type RunOptions } from '../../../../../test/support/method-line.ts';

const run = (gpc: string, line: Fields, options: RunOptions = {}): InventoryResult => computeLines([{ gpc, method: 'road-vkt', ...line }], options);
const first = (gpc: string, line: Fields, options?: RunOptions): LineResult => run(gpc, line, options).lines[0]!;
const problems = (gpc: string, line: Fields): string[] => messages(issuesOf([{ gpc, method: 'road-vkt', ...line }]));

const car = {
  class: 'private car',
  fuel: 'gasoline',
  distance: { value: 50, unit: '亿km' },
  consumption: { value: 8, unit: 'L/100km' },
  density: { value: 0.74, unit: 't/m3' },
  technology: 'gasoline-low-mileage-1995',
  source: 'city traffic model 2022',
};

describe('road-vkt: fuel vehicles by consumption', () => {
  it('private cars: 50 亿 km at 8 L/100km of gasoline', () => {
    // D = 5 × 10⁹ km; V = 5 × 10⁹ × 8 × 10⁻⁵ m³/km = 4 × 10⁵ m³; m = 4 × 10⁵ × 0.74 t/m³ = 296,000 t
    // E = 296,000 t × 44.3 GJ/t = 13,112,800 GJ = 13,112.8 TJ
    // CO2 = 13,112.8 × 69.3 t/TJ = 908,717.04 t; CH4 = 13,112.8 × 3.8 kg = 49.82864 t; N2O = × 5.7 kg = 74.74296 t
    // AR5: 908,717.04 + 49.82864 × 28 + 74.74296 × 265 = 908,717.04 + 1,395.20192 + 19,806.8844 = 929,919.12632
    const line = first('II.1.1', { vehicles: [car] });
    expect(closeTo(line.gases.CO2, 908717.04)).toBe(true);
    expect(closeTo(line.gases.CH4, 49.82864)).toBe(true);
    expect(closeTo(line.gases.N2O, 74.74296)).toBe(true);
    expect(closeTo(line.co2e, 929919.12632)).toBe(true);
    expect(line.method).toBe('road-vkt');
    expect(line.factors.map((f) => f.id)).toEqual([
      'line:vehicles[0].consumption',
      'line:vehicles[0].density',
      'ipcc2006.ncv.gasoline',
      'ipcc2006.co2.gasoline',
      'ipcc2006.ch4.road.gasoline-low-mileage-1995',
      'ipcc2006.n2o.road.gasoline-low-mileage-1995',
      'gwp.ar5.ch4',
      'gwp.ar5.n2o',
    ]);
    expect(line.factors[0]).toMatchObject({ value: 8, unit: 'L/100km', source: 'city traffic model 2022' });
    expect(line.assumptions.map((a) => a.code)).toEqual(['method-factor-set', 'library-default', 'library-default', 'library-default', 'library-default', 'tce-from-energy']);
  });

  it('diesel trucks by kg/km, with their own CH4 per km replacing Table 3.2.2', () => {
    // D = 1 亿 km = 10⁸ km; m = 10⁸ × 0.25 kg/km = 25,000 t; E = 25,000 × 43.0 GJ/t = 1,075,000 GJ = 1,075 TJ
    // CO2 = 1,075 × 74.1 = 79,657.5 t; CH4 = 10⁸ km × 0.05 g/km = 5 t (line); N2O = 1,075 × 3.9 kg = 4.1925 t
    const line = first('II.1.1', {
      vehicles: [
        {
          class: 'heavy truck',
          fuel: 'diesel',
          distance: { value: 1, unit: '亿km' },
          consumption: { value: 0.25, unit: 'kg/km' },
          ef: { CH4: { value: 0.05, unit: 'g/km', source: 'provincial vehicle test programme' } },
          source: 'freight survey',
        },
      ],
    });
    expect(closeTo(line.gases.CO2, 79657.5)).toBe(true);
    expect(closeTo(line.gases.CH4, 5)).toBe(true);
    expect(closeTo(line.gases.N2O, 4.1925)).toBe(true);
    expect(line.factors.find((f) => f.id === 'line:vehicles[0].ef.CH4')?.source).toBe('provincial vehicle test programme');
    expect(line.factors.map((f) => f.id)).not.toContain('ipcc2006.ch4.road.diesel');
  });

  it('CNG buses by m³/km under factorSet cn (GB/T 2589 NCV per m³: no density needed)', () => {
    // D = 500 × 5 万km = 2.5 × 10⁷ km; V = 2.5 × 10⁷ × 0.35 m³/km = 8.75 × 10⁶ m³
    // E = 8.75 × 10⁶ × 38.931 MJ/m³ = 340,646.25 GJ = 340.64625 TJ
    // CO2 = 340.64625 × 15.3 tC/TJ × 0.99 × 44/12 = 18,919.15207875 t
    // CH4 = 340.64625 × 92 kg = 31.339455 t; N2O = 340.64625 × 3 kg = 1.02193875 t
    const line = first('II.1.1', {
      factorSet: 'cn',
      vehicles: [{ class: 'city bus', fuel: 'natural_gas', count: 500, annualDistance: { value: 5, unit: '万km' }, consumption: { value: 0.35, unit: 'm3/km' }, source: 'bus company' }],
    });
    expect(closeTo(line.gases.CO2, 18919.15207875)).toBe(true);
    expect(closeTo(line.gases.CH4, 31.339455)).toBe(true);
    expect(closeTo(line.gases.N2O, 1.02193875)).toBe(true);
    expect(line.factors.map((f) => f.id).slice(0, 4)).toEqual(['line:vehicles[0].consumption', 'gbt2589.ncv.natural_gas', 'cn-provincial.carbon-content.natural_gas', 'cn-provincial.oxidation.natural_gas']);
    expect(line.assumptions.map((a) => a.code)).not.toContain('method-factor-set');
  });

  it('an energy per km needs no NCV; a CH4 factor per TJ multiplies it', () => {
    // D = 10⁶ km × 2 MJ/km = 2,000 GJ = 2 TJ; CO2 = 2 × 69.3 = 138.6 t; CH4 = 2 TJ × 20 kg/TJ = 0.04 t (line);
    // N2O = 2 × 8 kg = 0.016 t (Table 3.2.2, oxidation catalyst)
    const line = first('II.1.3', {
      vehicles: [
        {
          class: 'motorcycle',
          fuel: 'gasoline',
          distance: { value: 100, unit: '万km' },
          consumption: { value: 2, unit: 'MJ/km' },
          technology: 'gasoline-oxidation-catalyst',
          ef: { CH4: { value: 20, unit: 'kg/TJ' } },
          source: 'survey',
        },
      ],
    });
    expect(closeTo(line.gases.CO2, 138.6)).toBe(true);
    expect(closeTo(line.gases.CH4, 0.04)).toBe(true);
    expect(closeTo(line.gases.N2O, 0.016)).toBe(true);
    expect(line.factors.map((f) => f.id)).not.toContain('ipcc2006.ncv.gasoline');
  });
});

describe('road-vkt: factors per km', () => {
  it('buses by count × annual distance with CO2 in g/km; CH4 and N2O stated as not estimated', () => {
    // D = 3,000 × 6 万km = 1.8 × 10⁸ km; CO2 = 1.8 × 10⁸ × 1,100 g = 198,000 t
    const line = first('II.1.1', { vehicles: [{ class: 'bus', fuel: 'diesel', count: 3000, annualDistance: { value: 6, unit: '万km' }, ef: { CO2: { value: 1100, unit: 'g/km' } }, source: 'bus company' }] });
    expect(closeTo(line.gases.CO2, 198000)).toBe(true);
    expect(line.gases.CH4).toBe(0);
    expect(line.gases.N2O).toBe(0);
    expect(line.assumptions.map((a) => a.code)).toEqual(['vkt-gas-not-estimated', 'vkt-energy-unknown']);
    expect(line.assumptions[0]!.text.en).toContain('CH4 and N2O of "bus" (diesel) not estimated');
  });

  it('sums the classes of one line, each factor listed once', () => {
    // 908,717.04 (cars, above) + 198,000 (buses) = 1,106,717.04 t CO2; a second car class shares the library factors
    const bus = { class: 'bus', fuel: 'diesel', count: 3000, annualDistance: { value: 6, unit: '万km' }, ef: { CO2: { value: 1100, unit: 'g/km' } }, source: 'bus company' };
    const line = first('II.1.1', { vehicles: [car, bus] });
    expect(closeTo(line.gases.CO2, 1106717.04)).toBe(true);
    const twice = first('II.1.1', { vehicles: [car, { ...car, class: 'taxi' }] });
    expect(closeTo(twice.gases.CO2, 2 * 908717.04)).toBe(true);
    expect(twice.factors.filter((f) => f.id === 'ipcc2006.ncv.gasoline')).toHaveLength(1);
  });
});

describe('road-vkt: electric vehicles (II.1.2)', () => {
  const taxi = { class: 'electric taxi', fuel: 'electricity', distance: { value: 10, unit: '亿km' }, consumption: { value: 15, unit: 'kWh/100km' }, grid: 'CN-east-2022', source: 'taxi operator' };

  it('kWh per 100 km × a library grid factor', () => {
    // 10⁹ km × 0.15 kWh/km = 1.5 × 10⁸ kWh = 150,000 MWh × 0.5617 t/MWh = 84,255 t CO2
    const line = first('II.1.2', { vehicles: [taxi] });
    expect(closeTo(line.gases.CO2, 84255)).toBe(true);
    expect(line.gases.CH4).toBe(0);
    expect(line.factors.map((f) => f.id)).toEqual(['line:vehicles[0].consumption', 'CN-east-2022', 'gbt2589.tce.electricity-calorific']);
    expect(line.assumptions.map((a) => a.code)).toEqual(['grid-co2-only']);
    expect(first('II.1.2', { vehicles: [taxi] }, { year: 2023 }).assumptions.map((a) => a.code)).toEqual(['grid-year', 'grid-co2-only']);
  });

  it('or the line\'s own grid factor', () => {
    // 150,000 MWh × 0.6 t/MWh = 90,000 t
    const { grid, ...noGrid } = taxi;
    expect(grid).toBe('CN-east-2022');
    const line = first('II.1.2', { vehicles: [{ ...noGrid, gridFactor: { value: 0.6, unit: 't/MWh' } }] });
    expect(closeTo(line.gases.CO2, 90000)).toBe(true);
    expect(line.factors.map((f) => f.id)).toEqual(['line:vehicles[0].consumption', 'line:vehicles[0].gridFactor', 'gbt2589.tce.electricity-calorific']);
  });
});

describe('road-vkt: input errors', () => {
  it('never assumes a density, a technology, a source or a grid', () => {
    const { density, ...noDensity } = car;
    const { technology, ...noTechnology } = car;
    const { source, ...noSource } = car;
    expect([density.value, technology, source]).toEqual([0.74, 'gasoline-low-mileage-1995', 'city traffic model 2022']);
    expect(
      problems('II.1.1', {
        vehicles: [noDensity, noTechnology, noSource, { class: 'CNG bus', fuel: 'natural_gas', distance: { value: 1, unit: 'km' }, consumption: { value: 0.3, unit: 'm3/km' }, source: 'x' }],
      }),
    ).toEqual([
      'activities[0].vehicles[0].density: is required',
      'activities[0].vehicles[1].technology: the library has no value for this line (gasoline, road); the method needs a vehicle technology for gasoline on roads: add `technology` ("gasoline-uncontrolled", "gasoline-oxidation-catalyst" or "gasoline-low-mileage-1995"), or `ef.CH4` and `ef.N2O`',
      'activities[0].vehicles[2].source: is required',
      'activities[0].vehicles[3].density: is required',
    ]);
    expect(problems('II.1.2', { vehicles: [{ class: 'e-bus', fuel: 'electricity', distance: { value: 1, unit: 'km' }, consumption: { value: 1, unit: 'kWh/km' }, source: 'x' }] })).toEqual([
      'activities[0].vehicles[0].grid: no grid factor: set `grid` at the top of the file or on the line (e.g. "CN-east-2022"), or give `ef.CO2` in t/MWh',
    ]);
  });

  it('reports every problem of every vehicle with its path', () => {
    const issues = runInventory({
      city: 'Test',
      year: 2022,
      activities: [
        {
          gpc: 'II.1.1',
          method: 'road-vkt',
          vehicles: [
            { class: 'car', fuel: 'gasolin', distance: { value: 5, unit: 'km' } },
            { class: 'taxi', fuel: 'electricity', distance: { value: 5, unit: 'kWh' }, consumption: { value: 0.15, unit: 'kWh/km' }, grid: 'CN-esat-2022', source: 'x' },
            { class: 'truck', fuel: 'diesel', distance: { value: 5, unit: 'km' }, count: 3, technology: 'gasoline-uncontrolled', ef: { CO2: { value: 1, unit: 'g/Km' }, NOx: { value: 1, unit: 'g/km' } }, source: 'x' },
            { class: 'van', fuel: 'diesel', distance: { value: 5, unit: 'km' }, consumption: { value: 2, unit: 'MJ/km' }, density: { value: 0.84, unit: 't/m3' }, source: 'x' },
            { class: 'van', fuel: 'diesel', distance: { value: 5, unit: 'km' }, ef: { CH4: { value: 1, unit: 'g/km' } }, source: 'x' },
          ],
        },
      ],
    });
    expect(issues.ok).toBe(false);
    if (issues.ok) return;
    expect(issues.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['activities.0.vehicles.0.fuel', 'unknown-fuel'],
      ['activities.0.vehicles.1.fuel', 'form-not-on-row'],
      ['activities.0.vehicles.1.distance.unit', 'wrong-dimension'],
      ['activities.0.vehicles.1.grid', 'unknown-grid'],
      ['activities.0.vehicles.2.count', 'conflict'],
      ['activities.0.vehicles.2.technology', 'not-applicable'],
      ['activities.0.vehicles.2.ef.NOx', 'unknown-field'],
      ['activities.0.vehicles.2.ef.CO2.unit', 'unknown-unit'],
      ['activities.0.vehicles.3.density', 'conflict'],
      ['activities.0.vehicles.4.consumption', 'required'],
    ]);
    expect(formatIssue(issues.issues[1]!)).toBe('activities[0].vehicles[1].fuel: electricity lines do not belong on GPC row II.1.1; that row takes: fuel');
    expect(formatIssue(issues.issues[7]!)).toBe('activities[0].vehicles[2].ef.CO2.unit: "g/Km" is not a known unit (did you mean "g/km"?)');
  });

  it('refuses fuel vehicles on II.1.2, an empty list and an unknown factor set', () => {
    expect(problems('II.1.2', { vehicles: [car] })).toEqual(['activities[0].vehicles[0].fuel: fuel lines do not belong on GPC row II.1.2; that row takes: electricity']);
    expect(problems('II.1.1', { vehicles: [] })).toEqual(['activities[0].vehicles: is required']);
    expect(problems('II.1.1', { factorSet: 'ipcc2060', vehicles: [car] })).toEqual(['activities[0].factorSet: "ipcc2060" is not one of "ipcc2006", "cn" (did you mean "ipcc2006"?)']);
  });
});

describe('road-vkt: agrees with a fuel line of the same fuel (property)', () => {
  // A vehicle class burning c per km over D km is a `fuel` line of D × c: the two routes must agree.
  const cases = [
    { fuel: 'diesel', factorSet: 'ipcc2006', unit: 'kg/km', perUnit: 0.001, lineUnit: 't', extra: {} },
    { fuel: 'gasoline', factorSet: 'cn', unit: 'kg/km', perUnit: 0.001, lineUnit: 't', extra: { technology: 'gasoline-uncontrolled' } },
    { fuel: 'natural_gas', factorSet: 'cn', unit: 'm3/km', perUnit: 1, lineUnit: 'm3', extra: {} },
  ] as const;
  it('for random distances and consumptions', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.double({ min: 1, max: 1e9, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (example, km, perKm) => {
        const vkt = runInventory({
          city: 'Test',
          year: 2022,
          factorSet: example.factorSet,
          activities: [
            { gpc: 'II.1.1', method: 'road-vkt', factorSet: example.factorSet, vehicles: [{ class: 'c', fuel: example.fuel, distance: { value: km, unit: 'km' }, consumption: { value: perKm, unit: example.unit }, source: 's', ...example.extra }] },
            { gpc: 'II.1.1', fuel: example.fuel, amount: km * perKm * example.perUnit, unit: example.lineUnit, ...example.extra },
          ],
        });
        if (!vkt.ok) throw new Error(vkt.issues.map((issue) => formatIssue(issue)).join('\n'));
        const [byVkt, byFuel] = vkt.result.lines;
        for (const gas of ['CO2', 'CH4', 'N2O'] as const) expect(closeTo(byVkt!.gases[gas], byFuel!.gases[gas], 1e-9)).toBe(true);
      }),
      propertySettings('road-vkt equals a fuel line', 300),
    );
  });
});

describe('settings from the file', () => {
  it('an electric vehicle without its own grid takes the file\'s grid, and says so', () => {
    // 10 亿km × 15 kWh/100km = 1.5e8 kWh = 150,000 MWh × 0.5617 t/MWh (CN-east-2022) = 84,255 t CO2.
    const result = runInventory({
      city: 'Test',
      year: 2022,
      grid: 'CN-east-2022',
      activities: [{ gpc: 'II.1.2', method: 'road-vkt', vehicles: [{ class: 'taxi', fuel: 'electricity', distance: { value: 10, unit: '亿km' }, consumption: { value: 0.15, unit: 'kWh/km' }, source: 'x' }] }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const line = result.result.lines[0]!;
    expect(line.gases.CO2).toBeCloseTo(84255, 6);
    expect(line.assumptions.map((a) => a.code)).toContain('grid-from-file');
  });

  it('fuel defaults follow the file\'s factor set', () => {
    // 1,000 t diesel by 4,000 km × 0.25 t/km... given as consumption 0.25 kg/km over 4,000,000 km = 1,000 t.
    // cn: 1,000 t × 42.652 GJ/t = 42.652 TJ × 20.2 tC/TJ × 0.98 × 44/12 = 3,095.7… t CO2.
    const result = runInventory({
      city: { name: 'Test', country: 'CN' },
      year: 2022,
      activities: [{ gpc: 'II.1.1', method: 'road-vkt', vehicles: [{ class: 'truck', fuel: 'diesel', distance: { value: 4000000, unit: 'km' }, consumption: { value: 0.25, unit: 'kg/km' }, source: 'x' }] }],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.result.lines[0]!.gases.CO2).toBeCloseTo(42.652 * 20.2 * 0.98 * (44 / 12), 6);
  });
});

describe('energy of transport methods', () => {
  it('fuel burnt and electricity drawn enter energy.tce like fuel and electricity lines', () => {
    // Diesel trucks: 4,000,000 km × 0.25 kg/km = 1,000 t × 43.0 GJ/t (ipcc2006) = 43,000 GJ / 29.3076 = 1,467.2 tce.
    // Electric taxis: 1,000,000 km × 0.15 kWh/km = 150,000 kWh × 0.1229 kgce/kWh = 18.435 tce.
    const run = runInventory({
      city: 'Test',
      year: 2022,
      grid: 'CN-east-2022',
      activities: [
        { gpc: 'II.1.1', method: 'road-vkt', vehicles: [{ class: 'truck', fuel: 'diesel', distance: { value: 4000000, unit: 'km' }, consumption: { value: 0.25, unit: 'kg/km' }, source: 'x' }] },
        { gpc: 'II.1.2', method: 'road-vkt', vehicles: [{ class: 'taxi', fuel: 'electricity', distance: { value: 1000000, unit: 'km' }, consumption: { value: 0.15, unit: 'kWh/km' }, source: 'x' }] },
      ],
    });
    if (!run.ok) throw new Error(JSON.stringify(run.issues));
    expect(run.result.lines[0]!.energyTce).toBeCloseTo(43000 / 29.3076, 9);
    expect(run.result.lines[1]!.energyTce).toBeCloseTo(18.435, 9);
    expect(run.result.energy.tce).toBeCloseTo(43000 / 29.3076 + 18.435, 9);
  });
});

describe('a gasoline class with its own CH4 factor and no technology', () => {
  it('is an error (N2O needs the technology), not a class silently dropped', () => {
    expect(
      problems('II.1.1', {
        vehicles: [{ class: 'car', fuel: 'gasoline', distance: { value: 1000000, unit: 'km' }, consumption: { value: 0.06, unit: 'kg/km' }, ef: { CH4: { value: 20, unit: 'kg/TJ' } }, source: 'x' }],
      }),
    ).toHaveLength(1);
  });
});
