/**
 * Undo and redo over the slider settings. Pure: a value in, a value out (unit-tested beside the state).
 *
 * Steps of one slider in a row are one change (a drag, or a run of arrow keys), so undo returns to where
 * the slider started rather than one step back; moving another slider, a reset, or leaving the slider
 * (`seal`) starts a new change.
 */
import { sameSettings, type Settings } from './state.ts';

export interface History {
  readonly past: readonly Settings[];
  readonly present: Settings;
  readonly future: readonly Settings[];
  /** The slider whose steps are being gathered into the present change; null after a seal. */
  readonly open: string | null;
}

const LIMIT = 200;

export const startHistory = (present: Settings): History => ({ past: [], present, future: [], open: null });

/** A new present. `slider` names the slider that moved (consecutive moves of it merge); null for a reset. */
export function record(history: History, next: Settings, slider: string | null): History {
  if (sameSettings(history.present, next)) return history;
  if (slider !== null && history.open === slider) return { ...history, present: next, future: [] };
  return { past: [...history.past, history.present].slice(-LIMIT), present: next, future: [], open: slider };
}

/** Ends the present change: the next move starts a new one. */
export const seal = (history: History): History => (history.open === null ? history : { ...history, open: null });

export function undo(history: History): History {
  const previous = history.past.at(-1);
  if (previous === undefined) return history;
  return { past: history.past.slice(0, -1), present: previous, future: [history.present, ...history.future], open: null };
}

export function redo(history: History): History {
  const next = history.future[0];
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: history.future.slice(1), open: null };
}
