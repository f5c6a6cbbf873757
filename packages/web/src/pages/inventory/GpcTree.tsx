import type { InventoryJson, LineJson } from '@peakpath/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMissing, formatTonnes } from '../../app/format.ts';
import { useLang } from '../../app/hooks.ts';
import type { Core } from './core.ts';
import { LineFields, type LineIssues } from './LineFields.tsx';
import { newLine, type Line, type LineForm } from './model.ts';

interface Props {
  readonly core: Core;
  readonly activities: readonly Line[];
  readonly result: InventoryJson | null;
  readonly issues: ReadonlyMap<number, LineIssues>;
  /** Sub-sectors open (the user's choice); those with a problem are open whatever it is. */
  readonly open: ReadonlySet<string>;
  onToggle(id: string): void;
  onSetOpen(ids: readonly string[]): void;
  /** Null: read only. */
  readonly edit: { change(index: number, line: Line): void; remove(index: number): void; add(line: Line): void } | null;
}

type Addable = Exclude<LineForm, 'method'>;

/**
 * The GPC reporting table as a tree: sectors I–VI, their sub-sectors (collapsible: a heading's button with
 * aria-expanded), and each row with its emissions, its notation key and the document's lines under it.
 */
export function GpcTree({ core, activities, result, issues, open, onToggle, onSetOpen, edit }: Props) {
  const { t } = useTranslation('inventory');
  const lang = useLang();
  const byRow = new Map<string, number[]>();
  activities.forEach((line, index) => {
    const ref = String(line['gpc'] ?? '');
    byRow.set(ref, [...(byRow.get(ref) ?? []), index]);
  });
  const lineResults = new Map<number, LineJson>((result?.lines ?? []).map((line) => [line.index, line]));
  // A row's emissions are the sum of its computed lines; a row of notation keys only has none (never 0).
  const rowEmissions = (ref: string): number | null => {
    const computed = (byRow.get(ref) ?? []).flatMap((index) => lineResults.get(index)?.co2e ?? []);
    return computed.length === 0 ? null : computed.reduce((sum, co2e) => sum + co2e, 0);
  };
  const withProblems = new Set<string>();
  for (const index of issues.keys()) {
    const row = core.gpcRow(String(activities[index]?.['gpc'] ?? ''));
    withProblems.add(row ? row.subsector.id : 'unknown');
  }
  const known = new Set(core.GPC_ROWS.keys());
  const strays = activities.map((_, index) => index).filter((index) => !known.has(String(activities[index]!['gpc'] ?? '')));
  const allSubsectors = core.GPC_SECTORS.flatMap((sector) => sector.subsectors.map((subsector) => subsector.id));

  const lineOf = (index: number) => (
    <LineFields
      key={index}
      core={core}
      line={activities[index]!}
      index={index}
      issues={issues.get(index)}
      result={lineResults.get(index)}
      sources={result?.sources}
      onChange={edit ? (line) => edit.change(index, line) : null}
      onRemove={edit ? () => edit.remove(index) : null}
    />
  );

  return (
    <section className="gpc-tree" aria-labelledby="gpc-tree-heading">
      <div className="gpc-tree-head">
        <h2 id="gpc-tree-heading">{t('tree.heading')}</h2>
        <button type="button" onClick={() => onSetOpen(allSubsectors)}>{t('tree.expandAll')}</button>
        <button type="button" onClick={() => onSetOpen([])}>{t('tree.collapseAll')}</button>
      </div>
      <datalist id="inventory-fuels">
        {[...core.FUELS.entries()].map(([id, fuel]) => <option key={id} value={id}>{fuel.name[lang]}</option>)}
      </datalist>
      {strays.length > 0 && <div className="gpc-strays">{strays.map(lineOf)}</div>}
      <ul aria-label={t('tree.label')}>
        {core.GPC_SECTORS.map((sector) => (
          <li key={sector.id} className="gpc-sector">
            <h3>
              <span className="gpc-ref">{sector.id}</span> {sector.name[lang]}
              <span className="gpc-total num">{result?.bySector[sector.id] && result.lines.some((line) => line.gpc.split('.')[0] === sector.id) ? `${t('totals.basicPlus')} ${formatTonnes(result.bySector[sector.id]!.basicPlus, lang)}` : ''}</span>
            </h3>
            <ul>
              {sector.subsectors.map((subsector) => {
                const expanded = open.has(subsector.id) || withProblems.has(subsector.id);
                const lines = subsector.rows.reduce((count, row) => count + (byRow.get(row.ref)?.length ?? 0), 0);
                const rowTotals = subsector.rows.flatMap((row) => rowEmissions(row.ref) ?? []);
                const emissions = rowTotals.length === 0 ? null : rowTotals.reduce((sum, co2e) => sum + co2e, 0);
                const panel = `gpc-${subsector.id}`;
                return (
                  <li key={subsector.id} className="gpc-subsector">
                    <h4>
                      <button type="button" aria-expanded={expanded} aria-controls={panel} onClick={() => onToggle(subsector.id)} data-subsector={subsector.id}>
                        <span className="gpc-caret" aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                        <span className="gpc-ref">{subsector.id}</span> {subsector.name[lang]}
                        <span className="gpc-count">{lines === 0 ? t('tree.noLines') : t('tree.lines', { count: lines })}</span>
                        <span className="gpc-total num">{emissions !== null ? formatTonnes(emissions, lang) : ''}</span>
                      </button>
                    </h4>
                    {expanded && (
                      <div id={panel} className="gpc-rows">
                        {subsector.rows.map((row) => {
                          const indices = byRow.get(row.ref) ?? [];
                          const notation = indices.map((index) => activities[index]!['notation']).find((key) => typeof key === 'string');
                          const emitted = rowEmissions(row.ref);
                          return (
                            <div key={row.ref} className="gpc-row" data-row={row.ref}>
                              <div className="gpc-row-head">
                                <span className="gpc-ref">{row.ref}</span>
                                <span className="gpc-row-name">{row.name[lang]}</span>
                                <span className="hint">{t('tree.scope', { scope: row.scope })} · {row.level}</span>
                                {typeof notation === 'string' && <span className="badge badge-warn">{notation}</span>}
                                <span className="gpc-total num" data-testid={`row-emissions-${row.ref}`}>
                                  {indices.length === 0 ? <span className="missing">{formatMissing(lang)}</span> : emitted !== null ? formatTonnes(emitted, lang) : ''}
                                </span>
                              </div>
                              {indices.map(lineOf)}
                              {edit && <AddLine rowRef={row.ref} forms={row.forms} onAdd={(form) => edit.add(newLine(row.ref, form))} />}
                            </div>
                          );
                        })}
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AddLine({ rowRef, forms, onAdd }: { rowRef: string; forms: readonly string[]; onAdd(form: Addable): void }) {
  const { t } = useTranslation('inventory');
  const addable = forms.filter((form): form is Addable => form !== 'method');
  const [form, setForm] = useState<Addable>(addable[0] ?? 'notation');
  const id = `add-${rowRef}`;
  return (
    <div className="add-line">
      <label htmlFor={id} className="visually-hidden">{t('tree.form')}</label>
      <select id={id} value={form} onChange={(event) => setForm(event.target.value as Addable)}>
        {addable.map((candidate) => <option key={candidate} value={candidate}>{t(`forms.${candidate}`)}</option>)}
      </select>
      <button type="button" onClick={() => onAdd(form)} aria-label={t('tree.addLine', { row: rowRef })}>{t('tree.add')}</button>
    </div>
  );
}
