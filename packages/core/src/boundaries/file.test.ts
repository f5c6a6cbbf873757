import { describe, expect, it } from 'vitest';
import { formatIssue } from '../issues/messages.ts';
import { readDistrictFile } from './file.ts';
import { nearZeroSets } from './criteria.ts';

const valid = {
  version: 1,
  name: { en: 'Gamma and its districts', zh: '伽马市及其各区' },
  city: { inventory: 'gamma.yaml' },
  parts: { north: { inventory: 'north.yaml', kind: 'district', entity: 'gamma-north' }, park: { inventory: 'park.yaml' } },
  remainder: { figures: { basic: 90_000, 'I.scope2': -5 } },
  tolerance: 0,
  assessments: {
    park: {
      climatePositive: { abatements: [{ id: 'pv', kind: 'on-site', tco2e: 40, evidence: { document: 'settlement 1' } }, { id: 'trees', kind: 'outside', tco2e: 2 }] },
      nearZero: { set: 'user-input-example', population: { value: 0.5, unit: '万人' }, baseline: 300 },
    },
  },
};

describe('readDistrictFile', () => {
  it('reads the city, the parts, the remainder and the assessments as the core takes them', () => {
    const read = readDistrictFile(valid);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const { district } = read;
    expect(district.city).toEqual({ inventory: 'gamma.yaml' });
    expect(district.parts).toEqual([
      { id: 'north', inventory: 'north.yaml', kind: 'district', entity: 'gamma-north' },
      { id: 'park', inventory: 'park.yaml' },
    ]);
    expect(district.remainder).toEqual({ figures: { basic: 90_000, 'I.scope2': -5 } });
    expect(district.tolerance).toBe(0);
    const [assessment] = district.assessments;
    expect(assessment?.part).toBe('park');
    // An abatement without evidence is read: the assessment lists it as not counted.
    expect(assessment?.climatePositive?.abatements.map((abatement) => [abatement.id, abatement.evidence?.document])).toEqual([
      ['pv', 'settlement 1'],
      ['trees', undefined],
    ]);
    expect(assessment?.nearZero).toMatchObject({ population: 5_000, baseline: 300, setGiven: 'shipped', set: { id: 'user-input-example' } });
  });

  it('takes a criteria set written in the file, checked by the criteria schema with its path', () => {
    const set = { ...structuredClone(nearZeroSets()[0]!), id: 'mine' };
    const read = readDistrictFile({ ...valid, assessments: { park: { nearZero: { set, population: 10 } } } });
    expect(read.ok && read.district.assessments[0]?.nearZero).toMatchObject({ setGiven: 'file', set: { id: 'mine' } });
    const bad = readDistrictFile({ ...valid, assessments: { park: { nearZero: { set: { ...set, criteria: [{ ...set.criteria[0]!, unit: 'tCO2e' }] } } } } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([['assessments.park.nearZero.set.criteria.0.unit', 'district-input']]);
  });

  // Found by the fuzzer (test/fuzz, district target): zod's own English sentence, `expected string, received
  // undefined`, was the message in both languages.
  it("says a written set's problems in both languages, each field missing as required, an unknown one at its place", () => {
    const set = structuredClone(nearZeroSets()[0]!) as unknown as Record<string, unknown> & { criteria: Record<string, unknown>[] };
    delete set['province'];
    delete (set.criteria[0]!['label'] as Record<string, unknown>)['en'];
    set.criteria[0]!['threshold'] = Number.NaN;
    set['extra'] = 1;
    const read = readDistrictFile({ ...valid, assessments: { park: { nearZero: { set, population: 10 } } } });
    if (read.ok) throw new Error('read');
    const lines = (lang: 'en' | 'zh'): string[] => read.issues.map((issue) => formatIssue(issue, lang));
    expect(lines('en')).toEqual([
      'assessments.park.nearZero.set.province: required (string)',
      'assessments.park.nearZero.set.criteria[0].label.en: required (string)',
      'assessments.park.nearZero.set.criteria[0].threshold: a finite number is expected, got .nan',
      'assessments.park.nearZero.set.extra: "extra" is not a known field',
    ]);
    expect(lines('zh')[0]).toBe('assessments.park.nearZero.set.province：缺少必填项（string）');
    for (const line of [...lines('en'), ...lines('zh')]) expect(line).not.toMatch(/undefined|NaN|received/);
  });

  it('reports every problem at once, each with its path, unknown names with the nearest', () => {
    const read = readDistrictFile({
      name: 'x',
      cty: { inventory: 'gamma.yaml' },
      parts: { north: { inventroy: 'north.yaml', kind: 'disrtict' }, remainder: { inventory: 'rest.yaml' } },
      remainder: { inventory: 'rest.yaml', figures: { basic: 1 } },
      tolerance: -1,
      assessments: {
        nrth: { climatePositive: { abatements: [{ id: 'a', kind: 'outside', tco2e: 0 }, { id: 'a', kind: 'elsewhere', tco2e: 5 }] } },
        north: { nearZero: { set: 'user-input-exampel' } },
      },
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['cty', 'unknown-field'],
      ['city', 'required'],
      ['parts.north.inventroy', 'unknown-field'],
      ['parts.north.inventory', 'required'],
      ['parts.north.kind', 'enum'],
      ['parts.remainder', 'reserved-id'],
      ['remainder.figures', 'conflict'],
      ['tolerance', 'out-of-range'],
      ['assessments.nrth', 'enum'],
      ['assessments.nrth.climatePositive.abatements.0.tco2e', 'not-positive'],
      ['assessments.nrth.climatePositive.abatements.1.id', 'duplicate'],
      ['assessments.nrth.climatePositive.abatements.1.kind', 'enum'],
      ['assessments.north.nearZero.set', 'enum'],
    ]);
    const texts = read.issues.map((issue) => formatIssue(issue, 'en'));
    expect(texts).toContain('parts.north.inventroy: "inventroy" is not a known field (did you mean "inventory"?)');
    expect(texts.find((text) => text.startsWith('assessments.nrth:'))).toContain('did you mean "north"?');
    expect(texts.find((text) => text.startsWith('assessments.north.nearZero.set:'))).toContain('did you mean "user-input-example"?');
  });

  it('refuses a version it does not read, and a document that is not an object', () => {
    const newer = readDistrictFile({ ...valid, version: 2 });
    expect(!newer.ok && newer.issues.map((issue) => issue.code)).toEqual(['unsupported-version']);
    const list = readDistrictFile([]);
    expect(!list.ok && list.issues.map((issue) => issue.code)).toEqual(['not-a-document']);
  });
});
