// One colour per region, fixed by its position in the region table, so a district keeps its
// colour when others are filtered out and its estimate series matches its actual one.
// Tableau 10 (yellow darkened for contrast on white): ten hues told apart at a glance.
const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#b07aa1",
  "#e15759",
  "#76b7b2",
  "#9c755f",
  "#d4a72c",
  "#3b3b3b",
  "#ff9da7",
];

export function regionColor(key: string, tableKeys: readonly string[]): string {
  const at = tableKeys.indexOf(key);
  if (at >= 0) return PALETTE[at % PALETTE.length] ?? "#555";
  let hash = 0;
  for (const c of key) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? "#555";
}
