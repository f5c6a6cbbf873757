/**
 * How input problems are reported, beyond their classes (errors.test.ts): what is not a problem,
 * every problem of a file at once, messages in both languages, one cause reported once, defaults
 * stated rather than silent.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, parseInventory, type Issue } from '../index.ts';
import { base, issuesOf, LINE, missing, VALID_LINES, withLine, without } from '../../../../test/support/inventory-documents.ts';

describe('what is not an error', () => {
  it('a valid file has no issues', () => {
    const result = parseInventory(base());
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.inventory.lines.length).toBe(3);
  });

  it('a file with every form, every optional top-level field and line-given factors has no issues', () => {
    const document = base({
      gwp: 'AR6',
      factorSet: 'cn',
      population: 1_000_000,
      gdp: { value: 1000, unit: '亿元' },
      energyAccounting: { method: 'coal-consumption', coalRate: { value: 300, unit: 'gce/kWh' } },
      description: 'all forms',
      activities: [
        ...VALID_LINES,
        { gpc: 'I.1.1', fuel: 'natural_gas', amount: 3.2, unit: '亿立方米', quality: 'high', source: 'yearbook' },
        { gpc: 'I.2.2', energy: 'electricity', amount: 95, unit: '亿千瓦时' },
        { gpc: 'I.1.2', energy: 'heat', amount: 5000, unit: 'GJ', ef: { CO2: { value: 0.11, unit: 't/GJ' } } },
        { gpc: 'II.1.1', fuel: 'gasoline', amount: 68, unit: '万吨', technology: 'gasoline-oxidation-catalyst' },
        { gpc: 'I.3.1', fuel: 'anthracite', amount: 1, unit: '万t', ncv: { value: 24.515, unit: 'GJ/t' }, carbonContent: { value: 27.4, unit: 'tC/TJ' }, oxidation: 0.94 },
        { gpc: 'I.3.1', fuel: 'refinery_gas', amount: 1, unit: 't', ef: { CH4: { value: 1, unit: 'kg/TJ' }, N2O: { value: 0.1, unit: 'kg/TJ' } } },
        { gpc: 'VI.1', gas: 'CH4', amount: 1, unit: 't', ch4Origin: 'non-fossil' },
        { gpc: 'III.1.1', gas: 'CH4', amount: 2, unit: 'kt' },
      ],
    });
    const result = parseInventory(document);
    expect(result.ok ? [] : result.issues.map((issue) => formatIssue(issue))).toEqual([]);
  });

  it('a negative amount in sector V (removals) is allowed', () => {
    const result = parseInventory(withLine({ gpc: 'V.1.1', gas: 'CO2', amount: -120, unit: 't' }));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('CH4 on VI.1 needs no ch4Origin under AR5, which weighs all CH4 alike', () => {
    const result = parseInventory(withLine({ gpc: 'VI.1', gas: 'CH4', amount: 1, unit: 't' }, { gwp: 'AR5' }));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});

describe('all problems of a file at once', () => {
  it('reports every problem in top-level fields and in different lines, in file order', () => {
    const document = {
      city: { name: 'Test', country: 'CN' },
      year: 1800,
      gwp: 'AR3',
      grid: 'CN-esat-2022',
      populaton: 5000,
      activities: [
        { gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't' },
        { gpc: 'I.2.2', energy: 'electricity', amount: 95, unit: 'kWhh', grid: 'CN-east-2022' },
        { gpc: 'I.1.1', fuel: 'natual_gas', amount: 3.2, unit: '亿立方米' },
        { gpc: 'V.1.1', notation: 'NE', explanation: 'not estimated' },
        { gpc: 'I.3.9', fuel: 'diesel', amount: 1, unit: 't' },
        { gpc: 'I.3.1', fuel: 'diesel', amount: -5, unit: 't' },
        { gpc: 'I.3.1', amount: 1, unit: 't' },
        { gpc: 'II.1.1', fuel: 'gasoline', amount: 68, unit: '万吨' },
      ],
    };
    const issues = issuesOf(document);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown-field', ['populaton']],
      ['out-of-range', ['year']],
      ['enum', ['gwp']],
      ['unknown-grid', ['grid']],
      ['unknown-unit', ['activities', 1, 'unit']],
      ['unknown-fuel', ['activities', 2, 'fuel']],
      ['unknown-gpc', ['activities', 4, 'gpc']],
      ['negative', ['activities', 5, 'amount']],
      ['no-form', ['activities', 6]],
      ['missing-factor', ['activities', 7, 'technology']],
    ]);
    expect(issues).toHaveLength(10);
  });

  it("checks a line's own factors even after a plain line of the same fuel, row and unit", () => {
    // Lines share resolved recipes; a line's own `ncv` or `ef` (with or without `source`) must not be
    // replaced by the recipe of an earlier plain line, nor escape its checks.
    const plain = { gpc: 'I.3.1', fuel: 'diesel', amount: 1, unit: 't' };
    const issues = issuesOf(
      base({}, [
        plain,
        { ...plain, ncv: { value: 43, unit: 'kg/TJ' } },
        { ...plain, ef: { CO2: { value: 3, unit: 'GJ/t' } } },
        { ...plain, ncv: { value: 43, unit: 'MJ/m3' }, source: 'plant survey' },
      ]),
    );
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['wrong-dimension', ['activities', 1, 'ncv', 'unit']],
      ['wrong-dimension', ['activities', 2, 'ef', 'CO2', 'unit']],
      ['wrong-dimension', ['activities', 3, 'ncv', 'unit']],
    ]);
  });

  it('reports the same problem on each line that has it, each with its own path', () => {
    const line = { gpc: 'II.1.1', fuel: 'gasoline', amount: 1, unit: 't' };
    const issues = issuesOf(base({}, [line, VALID_LINES[0]!, line, line]));
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['missing-factor', ['activities', 0, 'technology']],
      ['missing-factor', ['activities', 2, 'technology']],
      ['missing-factor', ['activities', 3, 'technology']],
    ]);
  });
});

describe('messages, in English and Chinese', () => {
  const first = (document: unknown): Issue => issuesOf(document)[0]!;

  it('an unknown unit, with the nearest spelling', () => {
    const issue = first(base({}, [{ gpc: 'I.2.2', energy: 'electricity', amount: 95, unit: 'kWhh' }]));
    expect(formatIssue(issue, 'en')).toBe('activities[0].unit: "kWhh" is not a known unit (did you mean "kWh"?)');
    expect(formatIssue(issue, 'zh')).toBe('activities[0].unit："kWhh" 不是已知单位（是否应为 "kWh"？）');
  });

  it('an unknown field, with the nearest field', () => {
    const issue = first(withLine({ gpc: 'I.3.1', fuel: 'diesel', amout: 1, unit: 't' }));
    expect(formatIssue(issue, 'en')).toBe('activities[3].amout: "amout" is not a known field (did you mean "amount"?)');
    expect(formatIssue(issue, 'zh')).toBe('activities[3].amout：未知字段 "amout"（是否应为 "amount"？）');
  });

  it('an unknown fuel, GPC row and grid', () => {
    expect(formatIssue(first(withLine({ gpc: 'I.3.1', fuel: 'natual_gas', amount: 1, unit: 'm3' })))).toBe(
      'activities[3].fuel: "natual_gas" is not a known fuel (did you mean "natural_gas"?)',
    );
    expect(formatIssue(first(withLine({ gpc: 'I.3.9', fuel: 'diesel', amount: 1, unit: 't' })), 'zh')).toBe(
      'activities[3].gpc："I.3.9" 不是 GPC 表中的一行（是否应为 "I.3.1"？）',
    );
    expect(formatIssue(first(base({ grid: 'CN-esat-2022' })))).toBe('grid: "CN-esat-2022" is not a grid factor in the library (did you mean "CN-east-2022"?)');
  });

  it('a value out of range and a wrong dimension', () => {
    expect(formatIssue(first(base({ year: 1800 })), 'en')).toBe('year: 1800 is out of range: expected 1900 to 2100');
    expect(formatIssue(first(base({ year: 1800 })), 'zh')).toBe('year：1800 超出范围，应在 1900 与 2100 之间');
    const dimension = first(withLine({ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 't' }));
    expect(formatIssue(dimension, 'en')).toBe('activities[3].unit: unit "t" measures mass, expected energy');
    expect(formatIssue(dimension, 'zh')).toBe('activities[3].unit：单位 "t" 的量纲为质量，此处应为能量');
  });

  it('a missing factor says what to add', () => {
    const issue = first(withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1, unit: 't' }));
    expect(formatIssue(issue, 'en')).toBe(
      'activities[3].technology: the library has no value for this line (gasoline, road); the method needs a vehicle technology for gasoline on roads: add `technology` ("gasoline-uncontrolled", "gasoline-oxidation-catalyst" or "gasoline-low-mileage-1995"), or `ef.CH4` and `ef.N2O`',
    );
    expect(formatIssue(issue, 'zh')).toBe(
      'activities[3].technology：因子库中没有（汽油 `gasoline`，道路交通）所需的道路汽油车的技术类型：请填写 `technology`（"gasoline-uncontrolled"、"gasoline-oxidation-catalyst" 或 "gasoline-low-mileage-1995"），或填写 `ef.CH4` 与 `ef.N2O`',
    );
  });

  it('a document that is not a mapping is placed at "(document)"', () => {
    expect(formatIssue(first([]), 'en')).toBe('(document): an inventory file must be an object (a mapping), got array');
    expect(formatIssue(first(null), 'zh')).toBe('（整个文件）：清单文件应为对象（键值映射），实为空值（`null`）');
  });

  it('a missing grid names both places to set it', () => {
    const issue = first(without(withLine({ gpc: 'I.3.2', energy: 'electricity', amount: 1, unit: 'MWh' }), 'grid'));
    expect(formatIssue(issue, 'en')).toBe(
      'activities[3].grid: no grid factor: set `grid` at the top of the file or on the line (e.g. "CN-east-2022"), or give `ef.CO2` in t/MWh',
    );
  });
});

describe('one problem is reported once', () => {
  // Once a bug: an `ef.CO2` per energy on a line whose NCV is missing was also reported as a
  // self-contradicting wrong dimension ("kg/TJ measures mass/energy, expected mass/energy …").
  it('an ef.CO2 per energy on a line whose NCV is missing is not a wrong dimension', () => {
    const document = withLine({ gpc: 'I.3.1', fuel: 'kerosene', amount: 1, unit: 't', ef: { CO2: { value: 71900, unit: 'kg/TJ' } } }, { factorSet: 'ipcc2006' });
    expect(issuesOf(document)).toEqual([missing('ncv', 'kerosene', 'ipcc2006', 'ncv')]);
  });

  // Once a bug: an unknown top-level `grid` also gave a `missing-grid` on every electricity line.
  it('an unknown top-level grid is one problem, not also a missing grid on every electricity line', () => {
    const document = base({ grid: 'CN-esat-2022' }, [
      { gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 'MWh' },
      { gpc: 'I.3.2', energy: 'electricity', amount: 2, unit: 'MWh' },
    ]);
    expect(issuesOf(document)).toEqual([{ path: ['grid'], code: 'unknown-grid', got: 'CN-esat-2022', suggestion: 'CN-east-2022' }]);
  });

  it('a fuel on a row that takes no fuel is one problem, not also missing factors', () => {
    const issues = issuesOf(withLine({ gpc: 'I.7.1', fuel: 'diesel', amount: 1, unit: 't' }));
    expect(issues.map((issue) => issue.code)).toEqual(['form-not-on-row']);
  });

  it('an invalid factorSet is one problem, not also a missing factor on every fuel line', () => {
    const issues = issuesOf(withLine({ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: 't' }, { factorSet: 'CN' }));
    expect(issues.map((issue) => issue.code)).toEqual(['enum']);
  });

  it('an invalid technology is one problem, not also a missing technology', () => {
    const issues = issuesOf(withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1, unit: 't', technology: 'euro-6' }));
    expect(issues.map((issue) => `${issue.code} ${issue.path.join('.')}`)).toEqual(['enum activities.3.technology']);
  });
});

describe('stated, not silent', () => {
  it('a grid factor of another year than the inventory is stated on the line', () => {
    const result = parseInventory(base({ year: 2015 }, [{ gpc: 'I.1.2', energy: 'electricity', amount: 1, unit: 'MWh' }]));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const line = result.inventory.lines[0]!;
    if (line.form === 'notation') throw new Error('expected a computing line');
    expect(line.recipe.assumptions.map((a) => a.code)).toContain('grid-year');
  });
});

describe('gasoline on roads without a technology', () => {
  it('is an error even when the line gives its own CH4 factor (N2O still needs the technology)', () => {
    const issues = issuesOf(withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1000, unit: 't', ef: { CH4: { value: 20, unit: 'kg/TJ' } } }));
    expect(issues.map((issue) => `${issue.code} ${issue.path.join('.')}`)).toEqual(['missing-factor activities.3.technology']);
  });
  it('is no error when the line gives both CH4 and N2O', () => {
    const result = parseInventory(withLine({ gpc: 'II.1.1', fuel: 'gasoline', amount: 1000, unit: 't', ef: { CH4: { value: 20, unit: 'kg/TJ' }, N2O: { value: 8, unit: 'kg/TJ' } } }));
    expect(result.ok).toBe(true);
  });
});

describe('gases other than CO2, CH4 and N2O on emissions lines', () => {
  it('take the GWP the line gives, apart from the CO2 mass', () => {
    // SF6: 0.1 t × 23,500 (AR5 value given on the line) = 2,350 tCO2e.
    const result = parseInventory(withLine({ gpc: 'IV.2.1', gas: 'SF6', amount: 100, unit: 'kg', gwp: { value: 23500, source: 'IPCC AR5 WG1 Table 8.A.1' } }));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const line = result.inventory.lines[3]!;
    if (line.form === 'notation') throw new Error('expected a computing line');
    expect(line.recipe.co2).toBe(0);
    expect(line.amount * line.recipe.otherCo2e).toBeCloseTo(2350, 9);
    expect(line.recipe.assumptions.map((a) => a.code)).toEqual(['other-gas-gwp-from-line']);
  });
  it('a near miss of CO2 gets a hint, not a request for a GWP', () => {
    expect(issuesOf(withLine({ gpc: 'IV.1.1', gas: 'C02', amount: 1, unit: 't' }))).toEqual([
      { path: [...LINE, 'gas'], code: 'enum', got: 'C02', allowed: ['CO2', 'CH4', 'N2O'], suggestion: 'CO2' },
    ]);
  });
  it('a GWP beside CO2, CH4 or N2O is refused: their GWP is the file\'s set', () => {
    expect(issuesOf(withLine({ gpc: 'IV.1.1', gas: 'CH4', amount: 1, unit: 't', gwp: { value: 30, source: 'x' } })).map((issue) => issue.code)).toEqual(['conflict']);
  });
});

describe('an invalid country', () => {
  it('is one problem, not also missing factors under a fallback factor set', () => {
    const issues = issuesOf(withLine({ gpc: 'I.3.1', fuel: 'raw_coal', amount: 1, unit: 't' }, { city: { name: 'Test', country: 'CHN' } }));
    expect(issues.map((issue) => issue.code)).toEqual(['invalid-country']);
  });
});
