import { describe, expect, it } from 'vitest';
import { formatIssue } from '../issues/messages.ts';
import { readClusterFile } from './file.ts';

const valid = {
  version: 1,
  name: { en: 'Alpha–Beta cluster', zh: '阿尔法—贝塔城市群' },
  members: { alpha: { inventory: 'alpha.yaml' }, beta: { inventory: 'beta.yaml', entity: 'beta-city' } },
  pairings: [
    { line: { member: 'beta', index: 0 }, counterpart: { member: 'alpha' }, share: '80%', mwh: 400_000 },
    { line: { member: 'beta', index: 5 }, counterpart: { member: 'alpha', row: 'III.1.3' } },
  ],
};

describe('readClusterFile', () => {
  it('reads members and pairings as the core takes them (a share also as a percentage)', () => {
    const read = readClusterFile(valid);
    expect(read.ok && read.cluster).toEqual({
      version: 1,
      name: { en: 'Alpha–Beta cluster', zh: '阿尔法—贝塔城市群' },
      members: [
        { id: 'alpha', inventory: 'alpha.yaml', entity: undefined },
        { id: 'beta', inventory: 'beta.yaml', entity: 'beta-city' },
      ],
      pairings: [
        { line: { member: 'beta', index: 0 }, counterpart: { member: 'alpha' }, share: 0.8, mwh: 400_000, gj: undefined },
        { line: { member: 'beta', index: 5 }, counterpart: { member: 'alpha', row: 'III.1.3' }, share: undefined, mwh: undefined, gj: undefined },
      ],
    });
  });

  it('reports every problem at once, each with its path, unknown names with the nearest', () => {
    const read = readClusterFile({
      ...valid,
      nmae: 'x',
      members: { alpha: { inventory: 'alpha.yaml' }, beta: { inventroy: 'beta.yaml' } },
      pairings: [{ line: { member: 'betta', index: -1 }, counterpart: { member: 'alpha' }, share: 1.5 }],
    });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((issue) => [issue.path.join('.'), issue.code])).toEqual([
      ['nmae', 'unknown-field'],
      ['members.beta.inventroy', 'unknown-field'],
      ['members.beta.inventory', 'required'],
      ['pairings.0.line.member', 'enum'],
      ['pairings.0.line.index', 'out-of-range'],
      ['pairings.0.share', 'out-of-range'],
    ]);
    const member = read.issues.find((issue) => issue.path.join('.') === 'pairings.0.line.member')!;
    expect(formatIssue(member, 'en')).toContain('"beta"');
    expect(formatIssue(member, 'zh')).toContain('"beta"');
  });

  it('refuses a file that is not an object, a newer version, and a cluster without members', () => {
    expect(readClusterFile([1])).toMatchObject({ ok: false, issues: [{ code: 'not-a-document', kind: 'cluster' }] });
    expect(readClusterFile({ ...valid, version: 2 })).toMatchObject({ ok: false, issues: [{ path: ['version'], code: 'unsupported-version' }] });
    expect(readClusterFile({ name: 'x', members: {} })).toMatchObject({ ok: false, issues: [{ path: ['members'], code: 'required' }] });
  });
});
