/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting
 * with = + - @) are prefixed with a quote, so an export opened in a
 * spreadsheet never executes text that came from a repository.
 */
export function toCsv<T>(
  columns: Array<[string, (row: T) => unknown]>,
  rows: Iterable<T>,
): string {
  const cell = (value: unknown) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map(([name]) => cell(name)).join(',')];
  for (const row of rows) {
    lines.push(columns.map(([, get]) => cell(get(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
