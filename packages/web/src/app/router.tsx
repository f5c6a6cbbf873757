import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type ReactNode } from 'react';

/**
 * A small history router: the app's few routes are patterns of the path (`/cities/:entity`), the
 * query string holds a page's shareable state (a scenario's settings), and the server answers every
 * non-API path with the app, so a copied link opens the same page.
 */
export interface Location {
  readonly path: string;
  readonly query: URLSearchParams;
}

interface RouterState {
  readonly location: Location;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterState | null>(null);

const read = (): Location => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });

export function Router({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(read);
  useEffect(() => {
    const onPop = () => setLocation(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, options?: { replace?: boolean }) => {
    if (to === window.location.pathname + window.location.search) return;
    if (options?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(read());
    if (!options?.replace) window.scrollTo(0, 0);
  }, []);
  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const state = useContext(RouterContext);
  if (!state) throw new Error('useRouter outside <Router>');
  return state;
}

/** The params of `pattern` (`/cities/:entity/inventory/:document`) in `path`, or null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = got[index]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

/** A link that navigates inside the app (a new tab with the modifier keys, as any link). */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const { navigate } = useRouter();
  return (
    <a
      href={to}
      {...rest}
      onClick={(event) => {
        rest.onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** The app's routes, built in one place so that pages link to each other without spelling paths. */
export const paths = {
  overview: (network?: string) => (network ? `/networks/${encodeURIComponent(network)}` : '/'),
  signIn: (back?: string) => `/sign-in${back ? `?back=${encodeURIComponent(back)}` : ''}`,
  city: (entity: string) => `/cities/${encodeURIComponent(entity)}`,
  inventory: (entity: string, document: string) => `/cities/${encodeURIComponent(entity)}/inventory/${encodeURIComponent(document)}`,
  pathway: (entity: string, document: string) => `/cities/${encodeURIComponent(entity)}/pathway/${encodeURIComponent(document)}`,
  plan: (entity: string, document: string) => `/cities/${encodeURIComponent(entity)}/plan/${encodeURIComponent(document)}`,
  tracking: (entity: string, document: string) => `/cities/${encodeURIComponent(entity)}/tracking/${encodeURIComponent(document)}`,
} as const;
