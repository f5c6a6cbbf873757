import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../app/Chart.tsx';
import { formatTonnes } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { sankeyData } from './build.ts';
import type { Detail } from './index.tsx';

/** Energy carriers and fuels → GPC sectors → scopes, in t CO2e, from the inventory's BASIC lines. */
export function EnergySankey({ detail }: { detail: Detail }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const { result, fuels, core } = detail;
  const data = useMemo(
    () =>
      sankeyData(result, fuels, {
        carrier: (line, fuel) => {
          if (line.form === 'electricity') return t('sankey.electricity');
          if (line.form === 'heat') return t('sankey.heat');
          if (line.form === 'fuel') return fuel ? core.fuelName(fuel, lang) : t('sankey.fuelUnknown');
          return t('sankey.nonEnergy');
        },
        sector: (sector) => `${sector} ${core.gpcName(sector, lang) ?? ''}`.trim(),
        scope: (scope) => t('sectors.scope', { scope: lang === 'zh' ? ['一', '二', '三'][scope - 1] : scope }),
      }),
    [result, fuels, core, lang, t],
  );
  const option = useMemo(() => ({
    // No animation: the figures are read, not watched, and a screenshot shows the final drawing.
    animation: false,
    tooltip: { trigger: 'item', valueFormatter: (value: number) => formatTonnes(value, lang) },
    series: [{
      type: 'sankey',
      left: 10,
      right: 170,
      top: 10,
      bottom: 10,
      // Wide enough that the labels of thin nodes (a small fuel) do not overlap.
      nodeGap: 16,
      emphasis: { focus: 'adjacency' },
      lineStyle: { color: 'gradient', opacity: 0.35 },
      label: { color: '#1b2420', fontSize: 12 },
      data: data.nodes,
      links: data.links,
    }],
  }), [data, lang]);
  return (
    <section aria-labelledby="city-sankey">
      <h2 id="city-sankey">{t('sankey.heading')}</h2>
      {data.links.length === 0 ? <p className="missing">{t('sankey.empty')}</p> : <Chart option={option} label={t('sankey.label')} height={600} testId="sankey-chart" />}
      <p className="hint">{t('sankey.note')}</p>
    </section>
  );
}
