import { flowRule, PAIRING_AMOUNT_FIELDS } from '../gpc/flows.ts';
import type { GpcRow } from '../gpc/structure.ts';
import type { Path } from '../issues/issue.ts';
import type { Fields, Reader } from '../reading/reader.ts';
import type { ComputingLine, LineCounterpart } from './types.ts';

const COUNTERPART_FIELDS: ReadonlySet<string> = new Set(['city', 'row', 'share', ...PAIRING_AMOUNT_FIELDS]);

/**
 * `counterpart` on an activity line (docs/inventory-file.md, docs/clusters.md): the other city of a cross-boundary
 * line — where the plant that supplies its power, the landfill that takes its waste or the roads its trips are driven
 * on lie. A single inventory carries it and computes exactly as without it; a cluster turns it into a pairing.
 * Checked here as far as the line alone allows: the line must be on a row that can be a flow between cities
 * (cluster/rules.ts) and a stated amount must be the one of the line's flow (`mwh` electricity, `gj` heat,
 * `tonnes` waste, `vkm` trips). Which city it names is checked by the cluster, which knows its members.
 */
export function readCounterpart(reader: Reader, fields: Fields, path: Path, row: GpcRow | undefined, form: ComputingLine['form'] | 'notation'): LineCounterpart | undefined {
  if (fields['counterpart'] === undefined) return undefined;
  const at: Path = [...path, 'counterpart'];
  const given = reader.object(fields['counterpart'], at);
  if (!given) return undefined;
  reader.onlyFields(given, COUNTERPART_FIELDS, at);
  const city = reader.string(given, 'city', at, true);
  const counterpartRow = reader.string(given, 'row', at, false);
  const share = reader.number(given, 'share', at, { required: false, min: 0, max: 1 });
  const amounts: Partial<Record<(typeof PAIRING_AMOUNT_FIELDS)[number], number>> = {};
  for (const field of PAIRING_AMOUNT_FIELDS) {
    const value = reader.number(given, field, at, { required: false, positive: true });
    if (value !== undefined) amounts[field] = value;
  }
  if (row === undefined) return undefined;
  const rule = form === 'notation' ? undefined : flowRule(row, form);
  if (rule === undefined) return void reader.report(at, { code: 'not-applicable', field: 'counterpart', reason: 'counterpart-row' });
  let wrongAmount = false;
  for (const field of PAIRING_AMOUNT_FIELDS) {
    if (amounts[field] !== undefined && field !== rule.amountField) {
      reader.report([...at, field], { code: 'not-applicable', field, reason: 'counterpart-amount' });
      wrongAmount = true;
    }
  }
  if (counterpartRow !== undefined && !rule.counterpartRows.includes(counterpartRow)) {
    reader.report([...at, 'row'], { code: 'enum', got: counterpartRow, allowed: rule.counterpartRows });
    return undefined;
  }
  if (city === undefined || wrongAmount) return undefined;
  return { city, row: counterpartRow, share, ...amounts };
}
