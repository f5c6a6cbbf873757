import type { Store, User } from '@peakpath/store';
import { StoreError } from '@peakpath/store';
import { generatePassword, hashPassword } from './auth/passwords.ts';
import { seedDemo } from './seed/demo.ts';

export const FIRST_ADMIN_EMAIL = 'admin@peakpath.local';

export interface FirstStart {
  readonly admin: User;
  /** Generated for this start and shown once; only its hash is stored. */
  readonly password: string;
  readonly seeded: { network: string; entities: number; documents: number } | null;
}

/**
 * On a workspace with no users: the first administrator, with a generated password (no known default
 * password exists), and the illustrative demo network. A workspace that has users is left as it is, so a
 * second start neither reseeds nor changes a password. When two processes start on one empty database,
 * one creates the admin and the other finds the email taken (conflict) and goes on.
 */
export async function firstStart(store: Store, options: { seed: boolean; email?: string }): Promise<FirstStart | null> {
  if ((await store.countUsers()) > 0) return null;
  const password = generatePassword();
  let admin: User;
  try {
    admin = await store.createUser({ kind: 'public' }, { email: options.email ?? FIRST_ADMIN_EMAIL, name: 'Administrator', passwordHash: await hashPassword(password), admin: true });
  } catch (error) {
    if (error instanceof StoreError && error.code === 'conflict') return null;
    throw error;
  }
  const seeded = options.seed ? await seedDemo(store, { kind: 'user', userId: admin.id, admin: true }) : null;
  return { admin, password, seeded };
}
