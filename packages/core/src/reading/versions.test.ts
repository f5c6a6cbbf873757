import { describe, expect, it } from 'vitest';
import { DOCUMENT_VERSIONS, migrate } from './versions.ts';

/** A made-up history: version 2 renamed `sectors.*.gpcRows` to `gpc`, version 3 the top-level `horizon` to `endYear`. */
const HISTORY: typeof DOCUMENT_VERSIONS = {
  ...DOCUMENT_VERSIONS,
  pathway: {
    current: 3,
    steps: [
      { version: 2, renames: [{ at: ['sectors', '*'], from: 'gpcRows', to: 'gpc' }] },
      { version: 3, renames: [{ at: [], from: 'horizon', to: 'endYear' }] },
    ],
  },
};

describe('migrate', () => {
  it('applies every step after the file’s version, in order, keeping key order, without touching the input', () => {
    const file = { version: 1, horizon: 2050, sectors: { homes: { driver: 'population', gpcRows: ['I.1'] }, industry: { gpc: ['I.3'] } } };
    const frozen = structuredClone(file);
    const migrated = migrate('pathway', file, HISTORY);
    expect(migrated.document).toEqual({ version: 1, endYear: 2050, sectors: { homes: { driver: 'population', gpc: ['I.1'] }, industry: { gpc: ['I.3'] } } });
    expect(Object.keys((migrated.document as { sectors: { homes: object } }).sectors.homes)).toEqual(['driver', 'gpc']);
    expect(file).toEqual(frozen);
    // The untouched sector is shared, not copied.
    expect((migrated.document as { sectors: { industry: object } }).sectors.industry).toBe(file.sectors.industry);
    expect(migrated.statements.map((statement) => statement.text.en)).toEqual([
      'pathway file version 1: `gpcRows` read as `gpc` (sectors.homes)',
      'pathway file version 1: `horizon` read as `endYear` (top level)',
    ]);
    expect(migrated.issues).toEqual([]);
  });

  it('a file of version 2 takes only the later step; the current version, none', () => {
    expect(migrate('pathway', { version: 2, horizon: 2050, sectors: { homes: { gpcRows: [] } } }, HISTORY).document).toEqual({ version: 2, endYear: 2050, sectors: { homes: { gpcRows: [] } } });
    const current = { version: 3, endYear: 2050 };
    expect(migrate('pathway', current, HISTORY)).toMatchObject({ document: current, statements: [], issues: [] });
  });

  it('problems later found at a renamed field point at the name the file wrote', () => {
    const { filePath } = migrate('pathway', { version: 1, sectors: { homes: { gpcRows: [7] } } }, HISTORY);
    expect(filePath(['sectors', 'homes', 'gpc', 0])).toEqual(['sectors', 'homes', 'gpcRows', 0]);
    expect(filePath(['sectors', 'industry', 'gpc'])).toEqual(['sectors', 'industry', 'gpc']);
  });

  it('both names on one object: a conflict at the new name, and the old one left out', () => {
    const migrated = migrate('pathway', { sectors: { homes: { gpcRows: ['I.1'], gpc: ['I.1'] } } }, HISTORY);
    expect(migrated.issues).toEqual([{ path: ['sectors', 'homes', 'gpc'], code: 'conflict', fields: ['gpcRows', 'gpc'] }]);
    expect(migrated.document).toEqual({ sectors: { homes: { gpc: ['I.1'] } } });
  });

  it('`version` must be a whole number from 1 to the current; a newer one makes the file unreadable', () => {
    expect(migrate('plan', { version: 3 })).toMatchObject({ unreadable: true, issues: [{ path: ['version'], code: 'unsupported-version', kind: 'plan', got: 3, max: 2 }] });
    expect(migrate('inventory', { version: 1.5 }).issues).toEqual([{ path: ['version'], code: 'type', expected: 'integer', got: '1.5' }]);
    expect(migrate('inventory', { version: 0 }).issues).toEqual([{ path: ['version'], code: 'out-of-range', min: 1, max: 1, got: 0 }]);
    expect(migrate('inventory', { version: null }).issues).toEqual([{ path: ['version'], code: 'type', expected: 'integer', got: 'null' }]);
  });

  it('what is not an object is left to the reader', () => {
    expect(migrate('plan', [1]).document).toEqual([1]);
    expect(migrate('plan', null)).toMatchObject({ document: null, issues: [], unreadable: false });
  });
});
