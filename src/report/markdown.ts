/** A Markdown table cell: pipes escaped, newlines folded, so a message cannot break the table. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
}

/** A two-column name/value table without a header row's words. */
export function keyValueTable(rows: [string, string][]): string {
  return ['| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${escapeCell(v)} |`)].join('\n')
}
