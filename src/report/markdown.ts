/** A Markdown table cell: pipes escaped, newlines folded, so a message cannot break the table. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** A two-column name/value table whose first pair is its header row (GitHub shows it bold), so no row is empty. */
export function keyValueTable(rows: [string, string][]): string {
  const row = ([k, v]: [string, string]) => `| ${k} | ${escapeCell(v)} |`
  const [header, ...body] = rows
  return header ? [row(header), '| --- | --- |', ...body.map(row)].join('\n') : ''
}
