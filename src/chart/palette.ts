// One colour per region, fixed by its position in the region table, so a district keeps its
// colour when others are filtered out and its estimate series matches its actual one.
const PALETTE = [
  "#1f5fa8",
  "#d9622b",
  "#2e9a5b",
  "#b8348a",
  "#8a6d1d",
  "#0f8b8d",
  "#6a4fb3",
  "#c23b3b",
  "#5b7083",
  "#9c7b3b",
  "#3c8d2f",
  "#a0522d",
];

export function regionColor(key: string, tableKeys: readonly string[]): string {
  const at = tableKeys.indexOf(key);
  if (at >= 0) return PALETTE[at % PALETTE.length] ?? "#555";
  let hash = 0;
  for (const c of key) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] ?? "#555";
}
