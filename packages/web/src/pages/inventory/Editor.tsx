import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLang } from '../../app/hooks.ts';
import type { DocumentVersion } from '../../app/types.ts';
import type { Core } from './core.ts';
import { GpcTree } from './GpcTree.tsx';
import type { LineIssues } from './LineFields.tsx';
import { issuePlace, type Line } from './model.ts';
import { SavePanel } from './SavePanel.tsx';
import { IssueSummary, Totals } from './Summary.tsx';
import { useInventoryRun } from './useInventoryRun.ts';

interface Props {
  readonly core: Core;
  readonly documentId: string;
  readonly base: DocumentVersion;
  readonly body: Record<string, unknown>;
  readonly activities: readonly Line[];
  /** Null: read only. */
  readonly setActivities: ((update: (lines: Record<string, unknown>[]) => Record<string, unknown>[]) => void) | null;
  readonly dirty: boolean;
  onSaved(version: DocumentVersion): void;
  onDiscard(): void;
  onLoadTheirs(): void;
}

/** The lines tab: the tree of lines beside the live totals, the problems and the save panel. */
export function Editor({ core, documentId, base, body, activities, setActivities, dirty, onSaved, onDiscard, onLoadTheirs }: Props) {
  const lang = useLang();
  const run = useInventoryRun(body, documentId);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<string | null>(null);

  // Each issue on its field (or its line), in the user's language.
  const byLine = useMemo(() => {
    const map = new Map<number, Map<string | null, string[]>>();
    for (const issue of run.issues) {
      const place = issuePlace(issue.path, activities);
      if (place.kind === 'document') continue;
      const key = place.kind === 'field' ? place.field : null;
      const line = map.get(place.index) ?? new Map<string | null, string[]>();
      line.set(key, [...(line.get(key) ?? []), core.formatIssue(issue, lang)]);
      map.set(place.index, line);
    }
    return map as ReadonlyMap<number, LineIssues>;
  }, [run.issues, activities, core, lang]);

  // A summary link opens the line's sub-sector, then moves focus to the field once it is drawn.
  useEffect(() => {
    if (focus === null) return;
    const element = window.document.getElementById(focus);
    if (element) {
      element.focus();
      element.scrollIntoView({ block: 'center' });
      setFocus(null);
    }
  }, [focus, open]);
  const go = useCallback((index: number | null, id: string) => {
    if (index !== null) {
      const row = core.gpcRow(String(activities[index]?.['gpc'] ?? ''));
      if (row) setOpen((previous) => new Set([...previous, row.subsector.id]));
    }
    setFocus(id);
  }, [core, activities]);

  const edit = setActivities && {
    change: (index: number, line: Line) => setActivities((lines) => lines.map((old, at) => (at === index ? line : old))),
    remove: (index: number) => setActivities((lines) => lines.filter((_, at) => at !== index)),
    add: (line: Line) => {
      setActivities((lines) => [...lines, line]);
      const row = core.gpcRow(String(line['gpc']));
      if (row) setOpen((previous) => new Set([...previous, row.subsector.id]));
    },
  };

  return (
    <div className="inventory-editor">
      <div className="inventory-main">
        <GpcTree core={core} activities={activities} result={run.result} issues={byLine} open={open}
          onToggle={(id) => setOpen((previous) => {
            const next = new Set(previous);
            if (next.has(id)) next.delete(id);
            else next.add(id);
            return next;
          })}
          onSetOpen={(ids) => setOpen(new Set(ids))} edit={edit} />
      </div>
      <aside className="inventory-aside">
        <IssueSummary core={core} issues={run.issues} warnings={run.warnings} activities={activities} onGo={go} />
        <Totals core={core} result={run.result} pending={run.pending} part="totals" live={setActivities !== null} />
        {setActivities && <SavePanel documentId={documentId} base={base.version} body={body} dirty={dirty} problems={run.issues.length} onSaved={onSaved} onDiscard={onDiscard} onLoadTheirs={onLoadTheirs} />}
        <Totals core={core} result={run.result} pending={run.pending} part="sectors" live={setActivities !== null} />
      </aside>
    </div>
  );
}
