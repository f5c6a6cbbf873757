import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords as argon2id hashes (the library's default algorithm; OWASP's minimum of 19 MiB and 2
 * passes is raised to 3 passes here). Only the hash reaches the store.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 3, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash signs nobody in.
    return false;
  }
}

/**
 * A hash of a random password, verified against when the email is unknown, so that a sign-in takes
 * as long for an unknown email as for a wrong password (no user enumeration by timing).
 */
let decoyHash: Promise<string> | undefined;
export const decoy = (): Promise<string> => (decoyHash ??= hashPassword(randomBytes(24).toString('base64url')));

/** A generated password for the first admin: 20 characters of base64url (120 bits). */
export const generatePassword = (): string => randomBytes(15).toString('base64url');
