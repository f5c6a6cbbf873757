import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiFailure, get, post, setCsrfToken } from './api.ts';
import type { Entity, Grant, User } from './types.ts';

export interface Me {
  readonly user: User;
  readonly grants: readonly Grant[];
}

interface SessionState {
  /** Undefined while the first /api/me is in flight; null for the public (not signed in). */
  readonly me: Me | null | undefined;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** What the server allows too (it checks every request): admin, or an editor of the entity or of its city. */
  canEdit(entity: Pick<Entity, 'id' | 'parentId'>): boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const answer = await get<{ user: User; grants: Grant[]; csrfToken?: string }>('/api/me');
      setCsrfToken(answer.csrfToken ?? null);
      setMe({ user: answer.user, grants: answer.grants });
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) {
        setCsrfToken(null);
        setMe(null);
      } else throw error;
    }
  }, []);

  useEffect(() => {
    void load().catch(() => setMe(null));
  }, [load]);

  const signIn = useCallback(async (email: string, password: string) => {
    const answer = await post<{ user: User; csrfToken: string }>('/api/auth/sign-in', { email, password });
    setCsrfToken(answer.csrfToken);
    await load();
  }, [load]);

  const signOut = useCallback(async () => {
    try {
      await post('/api/auth/sign-out');
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const canEdit = useCallback((entity: Pick<Entity, 'id' | 'parentId'>) => {
    if (!me) return false;
    if (me.user.admin) return true;
    return me.grants.some((grant) => grant.role === 'editor' && (grant.entityId === entity.id || (entity.parentId !== null && grant.entityId === entity.parentId)));
  }, [me]);

  const value = useMemo(() => ({ me, signIn, signOut, canEdit }), [me, signIn, signOut, canEdit]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside <SessionProvider>');
  return state;
}
