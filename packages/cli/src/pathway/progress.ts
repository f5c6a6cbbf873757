/** Where a progress bar writes: a terminal's standard error (or a test's stand-in). */
export interface ProgressStream {
  readonly isTTY?: boolean | undefined;
  write(text: string): boolean;
}

const WIDTH = 30;
/** A bar appears only for work that takes longer than this (ms): short runs print nothing. */
const DELAY = 1000;

/** A one-line progress bar on a terminal, shown once work has taken over a second; silent when not a terminal. */
export class ProgressBar {
  private shown = false;
  private readonly started: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly label: string,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  update(done: number, total: number): void {
    if (!this.stream.isTTY || this.now() - this.started < DELAY) return;
    this.shown = true;
    this.stream.write(`\r${renderBar(this.label, done, total)}`);
  }

  done(): void {
    if (this.shown) this.stream.write('\n');
  }
}

export function renderBar(label: string, done: number, total: number): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * WIDTH);
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${Math.floor(fraction * 100)}% (${done}/${total})`;
}
