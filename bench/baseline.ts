/**
 * The straightforward way to compute an inventory, as a yardstick for the engine: for every line,
 * find its GPC row, parse its unit, look up each factor it needs by id in the library's index and
 * multiply — no validation, no recipe cache, no work shared between lines. It handles only the line mix of
 * bench/generate.ts (cn method, AR5) and must give the engine's totals; the bench checks that.
 */
import { defaultLibrary, FUELS, gpcRow, parseUnit, type Factor } from '@peakpath/core';

interface BaselineTotals {
  basic: number;
  basicPlus: number;
  scope1: number;
  scope2: number;
  scope3: number;
}

type Fields = Record<string, unknown>;
type Given = { value: number; unit: string } | undefined;

function factor(id: string): Factor {
  const found = defaultLibrary.get(id);
  if (!found) throw new Error(`baseline: no factor ${id}`);
  return found;
}

const toBase = (given: { value: number; unit: string }): number => given.value * parseUnit(given.unit)!.toBase;

export function baselineInventory(document: Fields): BaselineTotals {
  const totals: BaselineTotals = { basic: 0, basicPlus: 0, scope1: 0, scope2: 0, scope3: 0 };
  const gwpCh4 = factor('gwp.ar5.ch4').value;
  const gwpN2o = factor('gwp.ar5.n2o').value;
  for (const line of document['activities'] as Fields[]) {
    const row = gpcRow(line['gpc'] as string)!;
    const amount = (line['amount'] as number) * parseUnit(line['unit'] as string)!.toBase;
    let co2 = 0;
    let ch4 = 0;
    let n2o = 0;
    if (line['fuel'] !== undefined) {
      const fuel = FUELS.get(line['fuel'] as never)!;
      const ncvGiven = line['ncv'] as Given;
      const ncv = ncvGiven ? toBase(ncvGiven) : factor(`gbt2589.ncv.${fuel.id}`).toBase;
      const energy = amount * ncv;
      const ccGiven = line['carbonContent'] as Given;
      const carbon = ccGiven ? toBase(ccGiven) : factor(`cn-provincial.carbon-content.${fuel.id}`).toBase;
      const oxidation = (line['oxidation'] as number | undefined) ?? factor(`cn-provincial.oxidation.${fuel.id}`).value;
      co2 = energy * carbon * oxidation * (44 / 12);
      const context = row.subsector.combustion!;
      const pick = (gas: 'ch4' | 'n2o'): Factor =>
        context === 'road' || context === 'off-road'
          ? factor(`ipcc2006.${gas}.${context}.${(line['technology'] as string | undefined) ?? fuel.id}`)
          : factor(`ipcc2006.${gas}.${context}.${fuel.stationaryGroup!}`);
      ch4 = energy * pick('ch4').toBase;
      n2o = energy * pick('n2o').toBase;
    } else if (line['energy'] === 'electricity') {
      co2 = amount * factor(document['grid'] as string).toBase;
    } else if (line['energy'] === 'heat') {
      co2 = amount * toBase((line['ef'] as Record<string, { value: number; unit: string }>)['CO2']!);
    } else {
      const gas = line['gas'];
      if (gas === 'CO2') co2 = amount;
      if (gas === 'CH4') ch4 = amount;
      if (gas === 'N2O') n2o = amount;
    }
    const co2e = co2 + ch4 * gwpCh4 + n2o * gwpN2o;
    if (row.scope === 1) totals.scope1 += co2e;
    else if (row.scope === 2) totals.scope2 += co2e;
    else totals.scope3 += co2e;
    if (row.level === 'BASIC') totals.basic += co2e;
    if (row.level === 'BASIC' || row.level === 'BASIC+') totals.basicPlus += co2e;
  }
  return totals;
}
