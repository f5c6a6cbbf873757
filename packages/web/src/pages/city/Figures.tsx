import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMissing, formatNumber, formatPercent, formatScaled, formatTonnes, orMissing } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import type { CitySummary } from '../network/summary.ts';
import type { Detail } from './index.tsx';

function Card({ label, value, note, testId }: { label: string; value: ReactNode; note?: string | undefined; testId: string }) {
  return (
    <div className="card" data-testid={testId}>
      <div className="label">{label}</div>
      <div className="value">{value}</div>
      {note && <div className="hint">{note}</div>}
    </div>
  );
}

/** 能源消费总量 on the method the non-fossil share uses (coal-equivalent where the inventory gives a coal rate). */
export function totalEnergy(detail: Detail): { tce: number; method: 'calorific' | 'coal-equivalent' } {
  const energy = detail.result.official.energy;
  const method = detail.result.official.nonFossil.method;
  const total = method === 'coal-equivalent' && energy.coalEquivalent ? energy.coalEquivalent.total : energy.calorific.total;
  return { tce: total, method: method === 'coal-equivalent' && energy.coalEquivalent ? 'coal-equivalent' : 'calorific' };
}


/**
 * The key figures as cards, from the summary (the same numbers as the network table) and the inventory
 * result's official block. No inventory: every card says "no data yet", never 0.
 */
export function KeyFigures({ summary, detail }: { summary: CitySummary; detail: Detail | null }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const inventory = summary.inventory;
  const missing = <span className="missing">{formatMissing(lang)}</span>;
  const tonnes = (value: number | undefined | null) => (value === undefined || value === null ? missing : orMissing(value, lang, (v) => formatTonnes(v, lang)));
  const chinese = summary.entity.country === 'CN';
  const pending = inventory && !detail ? <span className="missing">{t('state.loading', { ns: 'common' })}</span> : missing;
  const energy = detail ? totalEnergy(detail) : null;
  const tco2 = (value: number) => formatScaled(value, lang, t('units.tco2'));
  const tce = (value: number) => formatScaled(value, lang, t('units.tce'));
  return (
    <section aria-labelledby="city-figures">
      <h2 id="city-figures">{t('figures.heading')}</h2>
      <div className="cards">
        <Card testId="key-basic" label={t('figures.basic')} value={tonnes(inventory?.totals.basic)} note={inventory ? `GPC BASIC · ${inventory.year}` : undefined} />
        <Card testId="key-basicPlus" label={t('figures.basicPlus')} value={tonnes(inventory?.totals.basicPlus)} note={inventory ? `GPC BASIC+ · ${inventory.year}` : undefined} />
        <Card testId="key-scope1" label={t('figures.scope1')} value={tonnes(inventory?.totals.scope1)} />
        <Card testId="key-scope2" label={t('figures.scope2')} value={tonnes(inventory?.totals.scope2)} />
        <Card testId="key-scope3" label={t('figures.scope3')} value={tonnes(inventory?.totals.scope3)} />
        <Card testId="key-perCapita" label={t('figures.perCapita')} value={inventory?.basicPerCapita === null || inventory?.basicPerCapita === undefined ? missing : `${formatNumber(inventory.basicPerCapita, lang, 2)} ${t('units.tPerPerson')}`} />
        <Card testId="key-perGdp" label={t('figures.perGdp')} value={inventory?.basicPerGdp === null || inventory?.basicPerGdp === undefined ? missing : `${formatNumber(inventory.basicPerGdp, lang, 3)} ${t('units.tPerWanYuan')}`} />
        {chinese && <Card testId="key-energyCo2" label={t('figures.energyCo2')} value={inventory?.energyCo2 === null || inventory?.energyCo2 === undefined ? missing : tco2(inventory.energyCo2)} />}
        {chinese && (
          <Card testId="key-totalEnergy" label={energy ? t('figures.totalEnergy', { method: t(`figures.${energy.method}`) }) : t('figures.totalEnergyPlain')} value={energy ? tce(energy.tce) : pending} />
        )}
        {chinese && (
          <Card testId="key-nonFossil" label={t('figures.nonFossil')} value={detail ? formatPercent(detail.result.official.nonFossil.share, lang) : pending} note={energy ? t(`figures.${energy.method}`) : undefined} />
        )}
      </div>
    </section>
  );
}

/** The intensity indicators, each with its unit; the official ones for Chinese cities, with the GDP price base. */
export function Intensity({ detail, chinese }: { detail: Detail; chinese: boolean }) {
  const { t } = useTranslation('city');
  const lang = useLang();
  const { intensity, official } = detail.result;
  type Key = 'perCapita' | 'perGdp' | 'energyPerCapita' | 'energyPerGdp' | 'co2PerGdp' | 'officialEnergyPerGdp';
  const rows: { key: Key; value: number | undefined; digits: number; unit: string }[] = [
    { key: 'perCapita', value: intensity.perCapita, digits: 2, unit: t('units.tPerPerson') },
    { key: 'perGdp', value: intensity.perGdp, digits: 3, unit: t('units.tPerWanYuan') },
    { key: 'energyPerCapita', value: intensity.energyPerCapita, digits: 2, unit: t('units.tcePerPerson') },
    { key: 'energyPerGdp', value: intensity.energyPerGdp, digits: 3, unit: t('units.tcePerWanYuan') },
  ];
  if (chinese) {
    rows.push(
      { key: 'co2PerGdp', value: official.intensity.co2PerGdp, digits: 3, unit: t('units.tco2PerWanYuan') },
      { key: 'officialEnergyPerGdp', value: official.intensity.energyPerGdp, digits: 3, unit: t('units.tcePerWanYuan') },
    );
  }
  const prices = official.intensity.gdpPrices;
  return (
    <section aria-labelledby="city-intensity">
      <h2 id="city-intensity">{t('intensity.heading')}</h2>
      <table className="intensity-table" data-testid="intensity-table">
        <caption className="hint">{prices === undefined ? t('intensity.pricesUnknown') : t('intensity.prices', { year: prices })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('intensity.indicator')}</th>
            <th scope="col" className="num">{t('intensity.value')}</th>
            <th scope="col">{t('intensity.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{t(`intensity.${row.key}`)}</th>
              <td className="num">{row.value === undefined ? <span className="missing">{formatMissing(lang)}</span> : formatNumber(row.value, lang, row.digits)}</td>
              <td>{row.unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
