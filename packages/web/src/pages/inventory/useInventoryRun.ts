import type { DocumentIssue, InventoryJson, WarningJson } from '@peakpath/core';
import { useEffect, useState } from 'react';
import { loadCore, loadEngine } from '../../app/engine.ts';

export interface InventoryRun {
  /** The engine's result as the API gives it (output version 2), or null when the draft does not compute. */
  readonly result: InventoryJson | null;
  readonly issues: readonly DocumentIssue[];
  readonly warnings: readonly WarningJson[];
  /** True until the first run of the current draft has answered. */
  readonly pending: boolean;
}

const WAIT_MS = 120;

/**
 * The draft computed in the browser by the same core the server runs, a short pause after each edit (so a
 * typed number runs once, not once per key). The JSON is the API's `result` shape, so what the page shows is
 * what `GET /api/documents/:id/result` gives once saved.
 */
export function useInventoryRun(body: Record<string, unknown> | null, documentId: string): InventoryRun {
  const [run, setRun] = useState<InventoryRun>({ result: null, issues: [], warnings: [], pending: true });
  useEffect(() => {
    if (body === null) return;
    let cancelled = false;
    setRun((previous) => ({ ...previous, pending: true }));
    const timer = window.setTimeout(() => {
      void Promise.all([loadCore(), loadEngine()]).then(([core, engine]) => {
        if (cancelled) return;
        const answer = engine.inventory(body, { id: documentId });
        if (answer.ok) {
          const warnings = core.warningsJson(answer.warnings);
          setRun({ result: core.inventoryOutput(answer.value, warnings), issues: [], warnings, pending: false });
        } else setRun({ result: null, issues: answer.issues, warnings: [], pending: false });
      });
    }, WAIT_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [body, documentId]);
  return run;
}
