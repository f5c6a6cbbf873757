import { gasName, gpcName, TARGET_KIND_NAMES } from '@peakpath/core';
import { inventoryTrendChart, inventorySectorChart, officialChart, pathwayChart } from '../charts.ts';
import type { ReportContext } from '../context.ts';
import { escapeHtml, table } from '../html-text.ts';

/** The sections computed by the engines: summary, inventory, official quantities, pathway targets, pathway, plan. */

const figure = (svg: string, caption: string): string => `<figure class="chart">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;

export function summarySection(ctx: ReportContext): string {
  const { t, input } = ctx;
  const inv = input.inventory;
  const root = `inventory:${inv.result.year}`;
  const i = (path: (string | number)[], format: Parameters<ReportContext['at']>[4]): string => ctx.at(root, inv.result, inv.source, path, format);
  const rows: [string, string][] = [
    [`${t.basicTotal} (${inv.result.year})`, i(['totals', 'basic'], { scaled: 'tCO2e' })],
    [`${t.basicPlusTotal} (${inv.result.year})`, i(['totals', 'basicPlus'], { scaled: 'tCO2e' })],
    [`${t.energyCo2} (${inv.result.year})`, i(['official', 'energyCo2', 'total'], { scaled: 'tCO2' })],
    [`${t.energyTotal} (${inv.result.year})`, i(['energy', 'tce'], { scaled: 'tce' })],
  ];
  if (inv.result.intensity.perCapita !== undefined) rows.push([t.perCapita, i(['intensity', 'perCapita'], { digits: 2, unit: 'tCO2e' })]);
  if (inv.result.intensity.perGdp !== undefined) rows.push([t.perGdp, i(['intensity', 'perGdp'], { digits: 3, unit: 'tCO2e' })]);
  rows.push([t.nonFossilShare, i(['official', 'nonFossil', 'share'], { percent: 1 })]);
  const pathway = input.pathway;
  if (pathway) {
    const result = pathway.result;
    rows.push([t.peakYear, result.peak.year === null ? escapeHtml(t.noPeak) : ctx.at('pathway', result, pathway.source, ['peak', 'year'], 'year')]);
    if (result.peak.value !== null) rows.push([t.peakValue, ctx.at('pathway', result, pathway.source, ['peak', 'value'], { scaled: 'tCO2e' })]);
    const mc = pathway.monteCarlo;
    if (mc && mc.peakedBy['2030'] !== undefined) rows.push([t.peakProbability(2030), ctx.at('monteCarlo', mc, pathway.source, ['peakedBy', '2030'], { percent: 0 })]);
    const met = result.targets.filter((target) => target.met).length;
    rows.push([t.targetsMet, `${ctx.figures.add('pathway.targets.met', met, 'count', pathway.source, { counted: 'targets-met', root: 'pathway' })} / ${ctx.figures.add('pathway.targets.length', result.targets.length, 'count', pathway.source, { root: 'pathway', path: ['targets', 'length'] })}`]);
  }
  const plan = input.plan;
  if (plan) {
    rows.push([t.measures, ctx.at('plan', plan.result, plan.source, ['portfolio', 'length'], 'count')]);
    rows.push([t.planCost, ctx.at('plan', plan.result, plan.source, ['totalCost'], { scaled: 'CNY' })]);
  }
  return `<h3>${escapeHtml(t.keyFigures)}</h3>${table(['', t.value], rows.map(([label, html]) => [escapeHtml(label), html]), { numeric: [1] })}`;
}

export function inventorySection(ctx: ReportContext): string {
  const { t, input, lang } = ctx;
  const inv = input.inventory;
  const year = inv.result.year;
  const root = `inventory:${year}`;
  const sectorName = (sector: string): string => `${sector} ${gpcName(sector, lang) ?? ''}`.trim();
  const sectorRows = Object.keys(inv.result.bySector).map((sector) => [
    escapeHtml(sectorName(sector)),
    ctx.at(root, inv.result, inv.source, ['bySector', sector, 'basic'], { scaled: 'tCO2e' }),
    ctx.at(root, inv.result, inv.source, ['bySector', sector, 'basicPlus'], { scaled: 'tCO2e' }),
  ]);
  sectorRows.push([`<strong>${escapeHtml(lang === 'zh' ? '合计' : 'Total')}</strong>`, ctx.at(root, inv.result, inv.source, ['totals', 'basic'], { scaled: 'tCO2e' }), ctx.at(root, inv.result, inv.source, ['totals', 'basicPlus'], { scaled: 'tCO2e' })]);
  const out = [
    `<h3>${escapeHtml(t.bySector(year))}</h3>`,
    table([t.sector, 'BASIC', 'BASIC+'], sectorRows, { numeric: [1, 2] }),
    figure(inventorySectorChart(inv, (sector) => sector, lang), `${t.bySector(year)} (${Object.keys(inv.result.bySector).map(sectorName).join(' · ')})`),
  ];
  // Trends: every inventory up to the report's year, each with its change on the one before.
  const trendRows = input.inventories.map((each, index) => {
    const eachRoot = `inventory:${each.result.year}`;
    const cells = [
      String(each.result.year),
      ctx.at(eachRoot, each.result, each.source, ['totals', 'basic'], { scaled: 'tCO2e' }),
      ctx.at(eachRoot, each.result, each.source, ['totals', 'basicPlus'], { scaled: 'tCO2e' }),
      ctx.at(eachRoot, each.result, each.source, ['official', 'energyCo2', 'total'], { scaled: 'tCO2' }),
    ];
    const before = input.inventories[index - 1];
    cells.push(before ? ctx.derived(`change.${before.result.year}-${each.result.year}.basic`, 'change', [`inventory:${before.result.year}.totals.basic`, `${eachRoot}.totals.basic`], each.source) : '—');
    return cells;
  });
  out.push(`<h3>${escapeHtml(t.trend)}</h3>`, table([t.year, 'BASIC', 'BASIC+', t.energyCo2, `${t.change} (BASIC)`], trendRows, { numeric: [1, 2, 3, 4] }));
  out.push(figure(inventoryTrendChart(input.inventories, lang, t.energyCo2), t.trend));
  const gasRows = (['CO2', 'CH4', 'N2O'] as const).map((gas) => [escapeHtml(gasName(gas, lang)), ctx.at(root, inv.result, inv.source, ['gases', gas], { scaled: 't' })]);
  out.push(`<h3>${escapeHtml(lang === 'zh' ? '按气体（BASIC+，质量）' : 'By gas (BASIC+, mass)')}</h3>`, table([t.gas, t.value], gasRows, { numeric: [1] }));
  const q = inv.result.quality;
  out.push(
    `<p>${escapeHtml(t.quality)}: ${(['high', 'medium', 'low', 'unstated'] as const).map((level) => ctx.at(root, inv.result, inv.source, ['quality', level], { percent: 1 })).join(' / ')}${q ? '' : ''}</p>`,
    `<p>${escapeHtml(t.completeness(inv.result.completeness.missingBasicRows.length, inv.result.completeness.missingBasicPlusRows.length))}</p>`,
  );
  return out.join('\n');
}

export function officialSection(ctx: ReportContext): string {
  const { t, input } = ctx;
  const inv = input.inventory;
  const root = `inventory:${inv.result.year}`;
  const official = inv.result.official;
  const rows = official.energyCo2.components.map((component, index) => [escapeHtml(ctx.name(component.text)), ctx.at(root, inv.result, inv.source, ['official', 'energyCo2', 'components', index, 'value'], { scaled: 'tCO2' })]);
  rows.push([`<strong>${escapeHtml(t.energyCo2)}</strong>`, ctx.at(root, inv.result, inv.source, ['official', 'energyCo2', 'total'], { scaled: 'tCO2' })]);
  rows.push([escapeHtml(`${t.energyTotal} (${official.energy.assessed.method})`), ctx.at(root, inv.result, inv.source, ['official', 'energy', 'assessed', 'total'], { scaled: 'tce' })]);
  rows.push([escapeHtml(t.nonFossilShare), ctx.at(root, inv.result, inv.source, ['official', 'nonFossil', 'share'], { percent: 1 })]);
  if (official.intensity.co2PerGdp !== undefined) rows.push([escapeHtml(t.co2PerGdp), ctx.at(root, inv.result, inv.source, ['official', 'intensity', 'co2PerGdp'], { digits: 3, unit: 'tCO2' })]);
  if (official.intensity.energyPerGdp !== undefined) rows.push([escapeHtml(t.energyPerGdp), ctx.at(root, inv.result, inv.source, ['official', 'intensity', 'energyPerGdp'], { digits: 3, unit: 'tce' })]);
  const out = [`<p>${escapeHtml(t.officialIntro)} ${escapeHtml(ctx.name(official.boundary))}</p>`, table([t.component, `${t.value} (${inv.result.year})`], rows, { numeric: [1] })];
  const pathway = input.pathway;
  if (pathway) {
    const result = pathway.result;
    const peak = result.official.peak;
    out.push(`<p>${escapeHtml(t.officialPeak)}: ${peak.year === null ? escapeHtml(t.noPeak) : `${ctx.at('pathway', result, pathway.source, ['official', 'peak', 'year'], 'year')}, ${ctx.at('pathway', result, pathway.source, ['official', 'peak', 'value'], { scaled: 'tCO2' })}`}</p>`);
    out.push(figure(officialChart(result, ctx.lang, { combustion: ctx.lang === 'zh' ? '本地燃烧' : 'Combustion', plants: ctx.lang === 'zh' ? '电厂与热厂' : 'Power and heat plants', electricityImports: ctx.lang === 'zh' ? '净调入电力' : 'Net electricity imports', heatImports: ctx.lang === 'zh' ? '净调入热力' : 'Net heat imports', peak: t.peak }), t.energyCo2));
  }
  return out.join('\n');
}

export function pathwayTargetsTable(ctx: ReportContext): string {
  const { t, input } = ctx;
  const pathway = input.pathway;
  if (!pathway) return `<p>${escapeHtml(t.noPathway)}</p>`;
  const mc = pathway.monteCarlo;
  const rows = pathway.result.targets.map((target) => [
    escapeHtml(ctx.name(target.name)),
    escapeHtml(ctx.name(TARGET_KIND_NAMES[target.kind])),
    String(target.year),
    escapeHtml(target.met ? t.yes : t.no),
    mc && mc.targets[target.id] !== undefined ? ctx.at('monteCarlo', mc, pathway.source, ['targets', target.id], { percent: 0 }) : '—',
  ]);
  return `<h3>${escapeHtml(t.pathwayTargets)}</h3>${table([t.target, t.kind, t.targetYear, t.met, t.probability], rows, { numeric: [2, 4] })}`;
}

export function pathwaySection(ctx: ReportContext): string {
  const { t, input, lang } = ctx;
  const pathway = input.pathway;
  if (!pathway) return `<p>${escapeHtml(t.noPathway)}</p>`;
  const result = pathway.result;
  const milestones = [...new Set(result.years.filter((year, i) => i === 0 || year % 10 === 0 || i === result.years.length - 1))];
  const out = [figure(pathwayChart(pathway, lang, { band90: t.band90, band50: t.band50, median: t.median, peak: t.peak }), `${ctx.name(result.name)} — ${ctx.name(result.scenario.name)}`)];
  const scenarioRows = pathway.comparison.map((scenario) => {
    const root = scenario.scenario.id === result.scenario.id ? 'pathway' : `scenario:${scenario.scenario.id}`;
    return [
      escapeHtml(ctx.name(scenario.scenario.name)),
      ...milestones.map((year) => ctx.at(root, scenario, pathway.source, ['total', year - result.baseYear], { scaled: 'tCO2e' })),
      scenario.peak.year === null ? escapeHtml(t.noPeak) : ctx.at(root, scenario, pathway.source, ['peak', 'year'], 'year'),
    ];
  });
  out.push(`<h3>${escapeHtml(t.scenarios)}</h3>`, table([t.scenario, ...milestones.map(String), t.peak], scenarioRows, { numeric: milestones.map((_, i) => i + 1) }));
  const mc = pathway.monteCarlo;
  if (!mc) out.push(`<p>${escapeHtml(t.noMonteCarlo)}</p>`);
  else {
    const rows = milestones.map((year) => {
      const index = year - result.baseYear;
      return [String(year), ...(['p5', 'p50', 'p95'] as const).map((p) => ctx.at('monteCarlo', mc, pathway.source, ['percentiles', p, index], { scaled: 'tCO2e' }))];
    });
    out.push(`<h3>${escapeHtml(t.uncertaintyTable)}</h3>`, table([t.year, t.percentileP5, t.percentileP50, t.percentileP95], rows, { numeric: [1, 2, 3] }));
    const peakYears = Object.keys(mc.peakedBy).filter((year) => Number(year) % 5 === 0);
    out.push(table([t.year, ...peakYears], [[escapeHtml(lang === 'zh' ? '已达峰概率' : 'Probability of having peaked'), ...peakYears.map((year) => ctx.at('monteCarlo', mc, pathway.source, ['peakedBy', year], { percent: 0 }))]], { numeric: peakYears.map((_, i) => i + 1) }));
    out.push(`<p class="note">${escapeHtml(t.mcNote(mc.runs, mc.seed))}</p>`);
    if (mc.correlations.length > 0) out.push(`<p class="note">${escapeHtml(t.mcCorrelations(mc.correlations.map(({ between, rank }) => `${between[0]} ~ ${between[1]} ${rank}`)))}</p>`);
  }
  return out.join('\n');
}

export function planSection(ctx: ReportContext): string {
  const { t, input } = ctx;
  const plan = input.plan;
  if (!plan) return `<p>${escapeHtml(t.noPlan)}</p>`;
  const result = plan.result;
  const rows = result.portfolio.map((entry, index) => [
    escapeHtml(ctx.name(entry.name)),
    ctx.at('plan', result, plan.source, ['portfolio', index, 'adoption'], { percent: 0 }),
    ctx.at('plan', result, plan.source, ['portfolio', index, 'abatement'], { scaled: 'tCO2e' }),
    ctx.at('plan', result, plan.source, ['portfolio', index, 'cost'], { scaled: 'CNY' }),
  ]);
  return `<h3>${escapeHtml(t.planPortfolio(ctx.name(result.name)))}</h3>${table([t.measure, t.adoption, t.abatement(result.maccYear), t.cost], rows, { numeric: [1, 2, 3] })}`;
}
