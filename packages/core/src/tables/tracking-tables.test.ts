import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../../../test/support/fast-check.ts';
import { computeTracking } from '../tracking/compute.ts';
import { parseTracking } from '../tracking/parse.ts';
import { ACTION_PHASES, ACTION_STATUSES, TRACKING_AREAS } from '../tracking/types.ts';
import type { TableCell } from './columns.ts';
import { listCell } from './sheet-reading.ts';
import { actionsFromTable, actionsTable } from './tracking-actions.ts';
import { trackingIndicatorsFromTable, trackingIndicatorsTable } from './tracking-indicators.ts';

/** Texts a file may hold: non-blank, no surrounding spaces (a cell is read trimmed), any characters between. */
const text = fc.string({ minLength: 1, maxLength: 12 }).filter((value) => value.trim() === value && value !== '');
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const date = fc.date({ min: new Date(Date.UTC(2020, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10));
const pair = fc.oneof(text, fc.record({ zh: text, en: text }), fc.record({ zh: text }), fc.record({ en: text }));
const value = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).filter((number) => !Object.is(number, -0));

const indicator = fc
  .record({
    area: fc.constantFrom(...TRACKING_AREAS),
    name: pair,
    unit: text,
    direction: fc.constantFrom('increase', 'decrease'),
    owner: fc.option(text, { nil: undefined }),
    nextUpdate: fc.option(date, { nil: undefined }),
    baseYear: fc.integer({ min: 2000, max: 2030 }),
    baseValue: value,
    baseSource: fc.option(text, { nil: undefined }),
    goals: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }).map((steps) => steps.sort((a, b) => a - b)),
    actuals: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }).map((steps) => steps.sort((a, b) => a - b)),
    values: fc.array(value, { minLength: 3, maxLength: 3 }),
    // A goal beyond the base in the indicator's direction (the reader refuses one equal to it or behind it).
    steps: fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }),
    sources: fc.array(text, { minLength: 3, maxLength: 3 }),
  })
  .map((drawn) => {
    const entry: Record<string, unknown> = { area: drawn.area, name: drawn.name, unit: drawn.unit, direction: drawn.direction };
    if (drawn.owner !== undefined) entry['owner'] = drawn.owner;
    if (drawn.nextUpdate !== undefined) entry['nextUpdate'] = drawn.nextUpdate;
    entry['base'] = { year: drawn.baseYear, value: drawn.baseValue, ...(drawn.baseSource === undefined ? {} : { source: drawn.baseSource }) };
    entry['goals'] = drawn.goals.map((step, index) => ({ year: drawn.baseYear + step, value: drawn.baseValue + (drawn.direction === 'increase' ? 1 : -1) * drawn.steps[index]! }));
    entry['actuals'] = drawn.actuals.map((step, index) => ({ year: drawn.baseYear + step, value: drawn.values[index]!, source: drawn.sources[index]! }));
    return entry;
  });

const action = fc
  .record({
    name: pair,
    kind: fc.constantFrom('mitigation', 'adaptation'),
    area: fc.constantFrom(...TRACKING_AREAS),
    lead: text,
    collaborators: fc.array(text, { maxLength: 3 }),
    phase: fc.constantFrom(...ACTION_PHASES),
    status: fc.option(fc.record({ value: fc.constantFrom(...ACTION_STATUSES), reason: pair }), { nil: undefined }),
    tasks: fc.array(fc.record({ name: pair, due: date, done: fc.option(date, { nil: undefined }) }), { maxLength: 3 }),
    updates: fc.array(fc.record({ date, text: pair, author: fc.option(text, { nil: undefined }) }), { maxLength: 2 }),
    budget: fc.option(fc.record({ planned: fc.double({ min: 0, max: 1e6, noNaN: true }), spent: fc.double({ min: 0, max: 1e6, noNaN: true }), unit: text }), { nil: undefined }),
  })
  .map((drawn) => {
    const entry: Record<string, unknown> = { name: drawn.name, kind: drawn.kind, area: drawn.area, lead: drawn.lead, collaborators: drawn.collaborators, phase: drawn.phase };
    if (drawn.status !== undefined) entry['status'] = drawn.status;
    entry['tasks'] = drawn.tasks.map((task) => (task.done === undefined ? { name: task.name, due: task.due } : task));
    entry['updates'] = drawn.updates.map((update) => (update.author === undefined ? { date: update.date, text: update.text } : update));
    if (drawn.budget !== undefined) entry['budget'] = drawn.budget;
    return entry;
  });

const trackingFile = fc.record({
  indicators: fc.dictionary(id, indicator, { minKeys: 1, maxKeys: 4 }),
  actions: fc.dictionary(id, action, { maxKeys: 4 }),
});

describe('tracking indicators and actions tables, both ways', () => {
  it('any tracking file: table → back → the same indicators and actions (fast-check, seed logged)', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(trackingFile, fc.constantFrom('en', 'zh') as fc.Arbitrary<'en' | 'zh'>, (drawn, lang) => {
        const document = { version: 1, city: 'Test', indicators: drawn.indicators, actions: drawn.actions };
        const parsed = parseTracking(document);
        runs++;
        if (!parsed.ok) throw new Error(`a drawn file does not read: ${JSON.stringify(parsed.issues)}`);
        read++;
        const result = computeTracking(parsed.tracking, '2025-06-30');
        const indicators = trackingIndicatorsFromTable(trackingIndicatorsTable(parsed.tracking, lang, result));
        const actions = actionsFromTable(actionsTable(parsed.tracking, lang, result));
        expect(indicators.problems).toEqual([]);
        expect(actions.problems).toEqual([]);
        const back = parseTracking({ ...document, indicators: indicators.indicators, actions: actions.actions });
        if (!back.ok) throw new Error(JSON.stringify(back.issues));
        expect(back.tracking.indicators).toEqual(parsed.tracking.indicators);
        expect(back.tracking.actions).toEqual(parsed.tracking.actions);
        return true;
      }),
      propertySettings('tracking tables round trip', 300),
    );
    expect(read).toBe(runs);
  });

  it('lists: "a; b", or JSON when an item holds a semicolon', () => {
    expect(listCell([])).toBeNull();
    expect(listCell(['市气象局', '供电公司'])).toBe('市气象局; 供电公司');
    expect(listCell(['a;b', 'c'])).toBe('["a;b","c"]');
    expect(listCell(['[x]'])).toBe('["[x]"]');
  });

  it('an actions table with a stated status and no reason, or a reason without a status, is refused by cell', () => {
    const header = actionsTable({ version: 1, city: {}, rules: { atRisk: 0.8, updateDays: 90, staleDays: 180, from: 'default' }, targets: [], indicators: [], actions: [], hazards: [], practices: [], cooperation: [] }, 'en').rows[0]!;
    const row = (cells: Record<string, TableCell>): TableCell[] => header.map((name) => cells[name as string] ?? null);
    const back = actionsFromTable({
      sheet: 'actions',
      rows: [
        header,
        row({ id: 'a', kind: 'mitigation', area: 'transportation', lead: 'x', phase: 'design', 'stated status': 'postponed' }),
        row({ id: 'b', kind: 'mitigation', area: 'transportation', lead: 'x', phase: 'design', 'reason (en)': 'why' }),
        row({ id: 'c', kind: 'mitigation', area: 'roads', lead: 'x', phase: 'design' }),
      ],
    });
    expect(back.problems.map((problem) => problem.en)).toEqual([
      'actions!L2 (reason (zh)): a stated status needs its reason (reason (zh) or reason (en))',
      'actions!K3 (stated status): a reason is given without a stated status',
      'actions!E4 (area): "roads" is not one of top-level-design, technological-innovation, industrial-upgrading, energy-management, transportation, green-buildings, ecological-environment, cooperation',
    ]);
    expect(Object.keys(back.actions)).toEqual([]);
  });
});
