// Row numbers in problem lists are file lines, so a user can go to them in an editor. A row
// whose quoted field holds line breaks spans several lines; this counts them.

/** Lines a parsed row spans: one, plus the line breaks (\n, \r\n or \r) inside its fields. */
export function linesSpanned(row: readonly string[]): number {
  let n = 1;
  for (const field of row) {
    for (let i = field.indexOf("\n"); i >= 0; i = field.indexOf("\n", i + 1)) n++;
    for (let i = field.indexOf("\r"); i >= 0; i = field.indexOf("\r", i + 1)) {
      if (field[i + 1] !== "\n") n++;
    }
  }
  return n;
}
