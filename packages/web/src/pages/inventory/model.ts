/**
 * The editor's pure logic (no DOM, no core import, so a plain unit test covers it): what form a line has,
 * which field an engine issue belongs to, the text an amount field holds, and a new line's first shape.
 */

export type Line = Record<string, unknown>;
export type LineForm = 'fuel' | 'electricity' | 'heat' | 'emissions' | 'notation' | 'method';
export type Path = readonly (string | number)[];

/** The line's form by its key (docs/inventory-file.md "Activity lines"); null when it has none. */
export function lineForm(line: Line): LineForm | null {
  if ('notation' in line) return 'notation';
  if ('method' in line) return 'method';
  if ('fuel' in line) return 'fuel';
  if ('gas' in line) return 'emissions';
  if (line['energy'] === 'heat' || line['energy'] === '热力') return 'heat';
  if ('energy' in line) return 'electricity';
  return null;
}

/** The fields the editor shows an input for, per form: an issue on any other field is told on the line. */
export const EDITABLE: Readonly<Record<LineForm, readonly string[]>> = {
  fuel: ['fuel', 'amount', 'unit', 'quality', 'source', 'note'],
  electricity: ['amount', 'unit', 'quality', 'source', 'note'],
  heat: ['amount', 'unit', 'quality', 'source', 'note'],
  emissions: ['gas', 'amount', 'unit', 'quality', 'source', 'note'],
  notation: ['notation', 'explanation', 'source', 'note'],
  method: ['quality', 'source', 'note'],
};

/** The DOM id of a line's field input, or of the line itself (`field` null). */
export const fieldId = (index: number, field: string | null): string => (field === null ? `line-${index}` : `line-${index}-${field}`);

/** Where an issue shows: on a field of a line, on the line, or only in the summary (a top-level field). */
export type IssuePlace = { readonly kind: 'field'; readonly index: number; readonly field: string } | { readonly kind: 'line'; readonly index: number } | { readonly kind: 'document' };

export function issuePlace(path: Path, activities: readonly Line[]): IssuePlace {
  if (path[0] !== 'activities' || typeof path[1] !== 'number') return { kind: 'document' };
  const index = path[1];
  const line = activities[index];
  const field = path[2];
  const form = line === undefined ? null : lineForm(line);
  if (typeof field === 'string' && form !== null && EDITABLE[form].includes(field)) return { kind: 'field', index, field };
  return { kind: 'line', index };
}

/** The id a summary link of the issue points to. */
export const placeId = (place: IssuePlace): string | null => (place.kind === 'field' ? fieldId(place.index, place.field) : place.kind === 'line' ? fieldId(place.index, null) : null);

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * What an amount field's text becomes on the line: a number when it is one, else the text as typed, so
 * the engine reports it ("expected number") in the user's language instead of the editor guessing.
 */
export function amountOf(text: string): number | string {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
}

/** A new line of a form on a row: the amount empty (the engine asks for it), the unit the yearbook's. */
export function newLine(gpc: string, form: Exclude<LineForm, 'method'>): Line {
  switch (form) {
    case 'fuel':
      return { gpc, fuel: '', amount: '', unit: '万吨' };
    case 'electricity':
      return { gpc, energy: 'electricity', amount: '', unit: '亿千瓦时' };
    case 'heat':
      return { gpc, energy: 'heat', amount: '', unit: 'GJ' };
    case 'emissions':
      return { gpc, gas: 'CO2', amount: '', unit: 't' };
    case 'notation':
      return { gpc, notation: 'NE', explanation: '' };
    default: {
      const never: never = form;
      throw new Error(`no such line form: ${String(never)}`);
    }
  }
}

/** The line with one field set; an empty optional text field is removed rather than stored as "". */
export function withField(line: Line, field: string, value: unknown): Line {
  const optional = field === 'source' || field === 'note' || field === 'quality';
  if (optional && (value === '' || value === undefined)) return Object.fromEntries(Object.entries(line).filter(([key]) => key !== field));
  return { ...line, [field]: value };
}
