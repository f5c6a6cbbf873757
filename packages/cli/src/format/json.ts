/**
 * JSON as the commands print it: compact, or indented two spaces with `--pretty`; a newline at the
 * end. The inventory's JSON, too large to build as one string, is written in pieces by core's
 * `inventoryJsonPieces` in the same two styles.
 */
export function jsonText(value: unknown, pretty: boolean | undefined): string {
  return `${JSON.stringify(value, null, pretty === true ? 2 : undefined)}\n`;
}
