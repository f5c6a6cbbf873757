import type { ReadAction } from './actions.ts';
import type { Calibration } from './calibrate.ts';
import { EFFECTS_PER_ACTION, type LineColumns, type RowShare } from './model.ts';

/**
 * The calibrated lines as columns: per-unit factors (per tce for energy lines; the base-year masses
 * for non-energy lines), each energy line's fraction of its carrier in its sector, the GPC rows its
 * base-year energy comes from, and the emissions effects that act on it.
 */
export function buildLines(calibration: Calibration, actions: readonly ReadAction[]): LineColumns {
  const drafts = calibration.lines;
  const count = drafts.length;
  const columns = {
    count,
    sector: new Int32Array(count),
    carrier: new Int32Array(count),
    electricity: new Uint8Array(count),
    basic: new Uint8Array(count),
    scope: new Uint8Array(count),
    fraction: new Float64Array(count),
    co2: new Float64Array(count),
    ch4: new Float64Array(count),
    n2o: new Float64Array(count),
    other: new Float64Array(count),
    ch4Weight: new Float64Array(count),
    mwhPerTce: new Float64Array(count),
    officialShare: new Float64Array(count),
    fossilTce: new Float64Array(count),
    officialMwh: new Float64Array(count),
    rows: [] as string[],
    rowShares: [] as RowShare[][],
    emissionEffects: [] as Int32Array[],
  };
  const carrierTotal = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.carrier === undefined) continue;
    const key = `${draft.sector}|${draft.carrier}`;
    carrierTotal.set(key, (carrierTotal.get(key) ?? 0) + draft.tce);
  }
  drafts.forEach((draft, l) => {
    const s = draft.sector;
    columns.sector[l] = s;
    columns.electricity[l] = draft.electricity ? 1 : 0;
    columns.basic[l] = draft.basic ? 1 : 0;
    columns.scope[l] = draft.scope;
    columns.ch4Weight[l] = draft.ch4Weight;
    columns.rows.push([...draft.rows].sort().join(', '));
    // Energy lines with base-year energy: each row's part of it. A carrier switched into a sector has none.
    columns.rowShares.push(
      draft.carrier === undefined || draft.tce === 0
        ? []
        : [...draft.rowTce].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([row, tce]) => ({ row, share: tce / draft.tce })),
    );
    if (draft.carrier === undefined) {
      columns.carrier[l] = -1;
      columns.fraction[l] = 1;
      columns.co2[l] = draft.co2;
      columns.ch4[l] = draft.ch4;
      columns.n2o[l] = draft.n2o;
      columns.other[l] = draft.other;
      columns.officialShare[l] = draft.co2 === 0 ? 0 : draft.officialCo2 / draft.co2;
      columns.fossilTce[l] = draft.fossilTce;
      columns.officialMwh[l] = draft.officialMwh;
    } else {
      columns.carrier[l] = calibration.carriers[s]!.names.indexOf(draft.carrier);
      const total = carrierTotal.get(`${s}|${draft.carrier}`)!;
      columns.fraction[l] = total > 0 ? draft.tce / total : 1;
      const unit = draft.perTce ?? {
        co2: draft.co2 / draft.tce,
        ch4: draft.ch4 / draft.tce,
        n2o: draft.n2o / draft.tce,
        other: draft.other / draft.tce,
        mwh: draft.mwh / draft.tce,
        officialCo2: draft.officialCo2 / draft.tce,
        fossilTce: draft.fossilTce / draft.tce,
        officialMwh: draft.officialMwh / draft.tce,
      };
      columns.co2[l] = unit.co2;
      columns.ch4[l] = unit.ch4;
      columns.n2o[l] = unit.n2o;
      columns.other[l] = unit.other;
      columns.mwhPerTce[l] = unit.mwh;
      columns.officialShare[l] = unit.co2 === 0 ? 0 : unit.officialCo2 / unit.co2;
      columns.fossilTce[l] = unit.fossilTce;
      columns.officialMwh[l] = unit.officialMwh;
    }
    const effects: number[] = [];
    actions.forEach((action, a) => {
      action.model.effects.forEach((effect, e) => {
        if (effect.kind !== 'emissions' || effect.sector !== s) return;
        if (effect.carrier >= 0 && effect.carrier !== columns.carrier[l]) return;
        effects.push(a * EFFECTS_PER_ACTION + e);
      });
    });
    columns.emissionEffects.push(Int32Array.from(effects));
  });
  return columns;
}
