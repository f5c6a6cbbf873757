/** What a command prints and the exit status it ends with: 0 success, 2 invalid input, 1 internal fault. */
export interface CommandOutput {
  readonly status: 0 | 1 | 2;
  /** What to print, whole or in pieces (large JSON is written piece by piece, as text or UTF-8). */
  readonly stdout?: string | Iterable<string | Uint8Array>;
  readonly stderr?: string;
}
