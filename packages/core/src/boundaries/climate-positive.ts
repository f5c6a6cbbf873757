import type { InventoryResult } from '../inventory/types.ts';
import { climatePositiveCriterion } from './criteria.ts';
import { operationalEmissions, type OperationalEmissions } from './operational.ts';
import { boundaryIssue, t } from './texts.ts';
import type { BoundaryIssue, BoundaryRun, Text } from './types.ts';

/**
 * A reduction the district claims against its operational emissions: `on-site` (inside the boundary and not already
 * in its inventory, e.g. renewable power it exports) or `outside` (abatement credited from outside the boundary, e.g.
 * emissions its projects avoid in the surrounding city). Each needs its evidence; one without is not counted.
 */
export interface Abatement {
  readonly id: string;
  readonly kind: 'on-site' | 'outside';
  /** tCO2e in the inventory's year, > 0. */
  readonly tco2e: number;
  readonly description?: string | undefined;
  /** What proves it: a document reference (certificate, verification report, metered record), and who issued it. */
  readonly evidence?: { readonly document: string; readonly issuer?: string | undefined } | undefined;
}

export interface RefusedAbatement {
  readonly abatement: Abatement;
  readonly reason: 'no-evidence';
  readonly text: Text;
}

export interface ClimatePositiveResult {
  readonly district: string;
  readonly year: number;
  readonly operational: OperationalEmissions;
  /** Σ counted on-site reductions and Σ counted credits from outside, tCO2e. */
  readonly onSite: number;
  readonly outside: number;
  readonly counted: readonly Abatement[];
  readonly refused: readonly RefusedAbatement[];
  /** operational − on-site − outside. */
  readonly net: number;
  /** operational − on-site: the figure without credits from outside. */
  readonly netWithoutCredits: number;
  /** net < 0: the criterion. */
  readonly pass: boolean;
  readonly passWithoutCredits: boolean;
  readonly criterion: { readonly id: string; readonly name: Text; readonly source: string; readonly verification: 'V' | 'S' | 'M'; readonly note: Text };
  readonly text: Text;
}

/**
 * A district against the C40 Climate Positive Development criterion (docs/districts.md): net operational emissions
 * (energy, transport, waste: operational.ts) below zero after on-site reductions and abatement credited from outside
 * the boundary. A reduction or credit without evidence is not counted and is listed in `refused`; one that is not a
 * positive tCO2e figure, or whose id repeats, is refused as input.
 */
export function assessClimatePositive(district: { readonly id: string; readonly result: InventoryResult }, abatements: readonly Abatement[] = []): BoundaryRun<ClimatePositiveResult> {
  const issues: BoundaryIssue[] = [];
  const ids = new Set<string>();
  abatements.forEach((abatement, at) => {
    if (!Number.isFinite(abatement.tco2e) || abatement.tco2e <= 0) issues.push(boundaryIssue(['abatements', at, 'tco2e'], 'credit-not-positive', String(abatement.tco2e)));
    if (ids.has(abatement.id)) issues.push(boundaryIssue(['abatements', at, 'id'], 'duplicate-credit', abatement.id));
    ids.add(abatement.id);
  });
  if (issues.length > 0) return { ok: false, issues };

  const counted: Abatement[] = [];
  const refused: RefusedAbatement[] = [];
  for (const abatement of abatements) {
    if (abatement.evidence === undefined || abatement.evidence.document.trim() === '') {
      refused.push({
        abatement,
        reason: 'no-evidence',
        text: {
          en: `${abatement.id} (${t(abatement.tco2e)} tCO2e) is not counted: it states no evidence`,
          zh: `${abatement.id}（${t(abatement.tco2e)} tCO2e）未计入：未提供证明材料`,
        },
      });
    } else counted.push(abatement);
  }
  const operational = operationalEmissions(district.result);
  let onSite = 0;
  let outside = 0;
  for (const abatement of counted) {
    if (abatement.kind === 'on-site') onSite += abatement.tco2e;
    else outside += abatement.tco2e;
  }
  const netWithoutCredits = operational.total - onSite;
  const net = netWithoutCredits - outside;
  // Each figure is finite, their sum need not be (two credits of 1e308 tCO2e): no verdict on Infinity.
  if (!Number.isFinite(net) || !Number.isFinite(onSite) || !Number.isFinite(outside)) return { ok: false, issues: [boundaryIssue(['abatements'], 'credits-out-of-range')] };
  const pass = net < 0;
  const criterion = climatePositiveCriterion();
  return {
    ok: true,
    value: {
      district: district.id,
      year: district.result.year,
      operational,
      onSite,
      outside,
      counted,
      refused,
      net,
      netWithoutCredits,
      pass,
      passWithoutCredits: netWithoutCredits < 0,
      criterion: { id: criterion.id, name: criterion.name, source: criterion.source, verification: criterion.verification, note: criterion.note },
      text: {
        en: `operational ${t(operational.total)} − on-site ${t(onSite)} − credits from outside ${t(outside)} = net ${t(net)} tCO2e: ${pass ? 'below zero, climate positive' : 'not below zero'} (${criterion.verification === 'M' ? 'criterion unverified' : 'criterion'} [${criterion.verification}])`,
        zh: `运营排放 ${t(operational.total)} − 场内减排 ${t(onSite)} − 边界外抵消 ${t(outside)} = 净排放 ${t(net)} tCO2e：${pass ? '低于零，达到气候正效益' : '未低于零'}（${criterion.verification === 'M' ? '标准未经核实' : '标准'} [${criterion.verification}]）`,
      },
    },
  };
}
