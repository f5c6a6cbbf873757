import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityName, formatMissing, formatNumber, formatScaled, formatTonnes, orMissing, say } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import { Link, paths } from '../../app/router.tsx';
import { COLUMNS, NUMERIC, sortValue, type Column } from './columns.ts';
import { buildCsv, type CsvCell } from './csv.ts';
import { downloadCsv } from './download.ts';
import { sortRows, type Direction } from './sort.ts';
import { peakStatus, type CitySummary } from './summary.ts';

interface SortState {
  readonly column: Column;
  readonly direction: Direction;
}

/**
 * The benchmarking table: one row per member, sortable by every column with a button in its header
 * (keyboard: Tab to it, Enter or Space; `aria-sort` tells a screen reader the order), exportable as CSV.
 */
export function BenchmarkTable({ summaries, networkName, fileStem }: { summaries: readonly CitySummary[]; networkName: string; fileStem: string }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const [sort, setSort] = useState<SortState | null>(null);
  const rows = useMemo(
    () => (sort ? sortRows(summaries, (summary) => sortValue(summary, sort.column, lang, t), sort.direction, lang) : [...summaries]),
    [summaries, sort, lang, t],
  );
  const toggle = (column: Column) =>
    setSort((previous) => ({ column, direction: previous?.column === column && previous.direction === 'ascending' ? 'descending' : 'ascending' }));

  const exportCsv = () => {
    // The file holds full figures (a spreadsheet computes with them), so its headers carry the units.
    const csvHeader: Partial<Record<Column, string>> = { basic: t('csvBasic'), basicPlus: t('csvBasicPlus'), energyCo2: t('csvEnergyCo2') };
    const header = [...COLUMNS.filter((column) => column !== 'peak').map((column) => csvHeader[column] ?? t(`table.${column}`)), t('csvPeakYear'), t('csvPeakBasis'), t('csvPeakTarget')];
    const body = rows.map((summary): CsvCell[] => {
      const inventory = summary.inventory;
      const status = peakStatus(summary.pathway);
      const target = status?.computed ? status.target : null;
      return [
        entityName(summary.entity, lang),
        t(`kind.${summary.entity.kind}`),
        inventory?.year ?? null,
        inventory?.totals.basic ?? null,
        inventory?.totals.basicPlus ?? null,
        inventory?.energyCo2 ?? null,
        inventory?.basicPerCapita ?? null,
        inventory?.basicPerGdp ?? null,
        null,
        status?.computed ? status.peak.year : null,
        status?.computed ? t(status.basis === 'energyCo2' ? 'peak.basisEnergyCo2' : 'peak.basisBasic') : null,
        target ? t(target.met ? 'yes' : 'no') : null,
      ];
    });
    downloadCsv(`${fileStem}-benchmark.csv`, buildCsv(header, body));
  };

  return (
    <div className="benchmark">
      <div className="benchmark-tools">
        <button type="button" onClick={exportCsv} data-testid="export-csv">{t('exportCsv')}</button>
      </div>
      <div className="table-scroll">
        <table data-testid="benchmark-table">
          <caption className="hint">{t('table.caption', { network: networkName })}</caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className={NUMERIC.has(column) ? 'num' : undefined} aria-sort={sort?.column === column ? sort.direction : undefined}>
                  <button type="button" className="sort-button" data-column={column} onClick={() => toggle(column)} aria-label={t('table.sortBy', { column: t(`table.${column}`) })}>
                    <span>{t(`table.${column}`)}</span>
                    <span aria-hidden="true" className="sort-mark">{sort?.column === column ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((summary) => <Row key={summary.entity.id} summary={summary} />)}
          </tbody>
        </table>
      </div>
      <p className="hint" id="report-note">{t('table.reportNote')}</p>
    </div>
  );
}

function Row({ summary }: { summary: CitySummary }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const inventory = summary.inventory;
  const missing = <span className="missing">{formatMissing(lang)}</span>;
  const figure = (value: number | null | undefined, format: (value: number) => string) =>
    value === null || value === undefined ? missing : orMissing(value, lang, format);
  const official = summary.entity.country !== 'CN' ? <span className="missing">{t('table.notChinese')}</span> : figure(inventory?.energyCo2, (value) => formatScaled(value, lang, t('table.tco2')));
  return (
    <tr data-testid={`row-${summary.entity.slug}`}>
      <th scope="row"><Link to={paths.city(summary.entity.id)}>{entityName(summary.entity, lang)}</Link></th>
      <td className="kind">{t(`kind.${summary.entity.kind}`)}</td>
      <td className="num">{figure(inventory?.year, String)}</td>
      <td className="num" data-column="basic">{figure(inventory?.totals.basic, (value) => formatTonnes(value, lang))}</td>
      <td className="num" data-column="basicPlus">{figure(inventory?.totals.basicPlus, (value) => formatTonnes(value, lang))}</td>
      <td className="num" data-column="energyCo2">{official}</td>
      <td className="num" data-column="perCapita">{figure(inventory?.basicPerCapita, (value) => formatNumber(value, lang, 2))}</td>
      <td className="num" data-column="perGdp">{figure(inventory?.basicPerGdp, (value) => formatNumber(value, lang, 3))}</td>
      <td className="num" data-column="peak"><PeakCell summary={summary} /></td>
      <td><span aria-describedby="report-note">{t('state.none', { ns: 'common' })}</span></td>
    </tr>
  );
}

/** The peak year on the basis its target is judged on, and whether the target is met; or why there is none. */
function PeakCell({ summary }: { summary: CitySummary }) {
  const { t } = useTranslation('network');
  const lang = useLang();
  const status = peakStatus(summary.pathway);
  if (!status) return <span className="missing">{t('peak.noPathway')}</span>;
  if (!status.computed) return <span className="badge badge-warn" title={say(status.problem, lang)}>{t('peak.failed')}</span>;
  const basis = t(status.basis === 'energyCo2' ? 'peak.basisEnergyCo2' : 'peak.basisBasic');
  return (
    <span className="peak-cell">
      <span>{status.peak.year === null ? t('peak.none') : t('peak.year', { year: status.peak.year })}</span>
      <span className="hint">{t('peak.basis', { basis })}</span>
      {status.target ? (
        <span className={`badge ${status.target.met ? 'badge-ok' : 'badge-bad'}`}>{t(status.target.met ? 'peak.meets' : 'peak.misses', { year: status.target.year })}</span>
      ) : (
        <span className="hint">{t('peak.noTarget')}</span>
      )}
    </span>
  );
}
