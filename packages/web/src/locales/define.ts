/**
 * A namespace's texts in both languages. The English object fixes the keys; the Chinese one must have
 * exactly the same keys (a missing or extra key fails the type check), so no screen shows a key name.
 */
type Same<T> = { readonly [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

export function texts<const T extends Record<string, unknown>>(en: T, zh: Same<T>): { readonly en: T; readonly zh: Same<T> } {
  return { en, zh };
}
