import { useEffect, useState } from 'react';
// The core engine in the browser, loaded on demand (not in the initial bundle): the same code the CLI and
// the server run, so a number on screen is the number `peakpath` prints.
import type * as CoreModule from '@peakpath/core';

type Core = typeof CoreModule;

let core: Promise<Core> | null = null;
export const loadCore = (): Promise<Core> => (core ??= import('@peakpath/core'));

let engine: Promise<ReturnType<Core['createEngine']>> | null = null;
/** One engine for the page (the shipped factor library and catalogue). */
export const loadEngine = () => (engine ??= loadCore().then((module) => module.createEngine()));

/** The core module once loaded (loading it on first use), else null: for labels a page can show before it. */
export function useCore(): Core | null {
  const [module, setModule] = useState<Core | null>(null);
  useEffect(() => {
    let live = true;
    void loadCore().then((loaded) => {
      if (live) setModule(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return module;
}
