/**
 * Today's date on this machine's calendar (its time zone), `YYYY-MM-DD`: the date a city officer running a command
 * means by "today", at which tracking statuses are judged unless `--as-of` names one. The core reads no clock; the
 * CLI may, and the commands that do say so in their output.
 */
export function today(): string {
  const now = new Date();
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
