// Hands a file to the browser's download machinery through a temporary blob: link.
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const NOT_IN_NAME = /[^\p{L}\p{N}_-]+/gu;
const EDGE_DASHES = /^-+|-+$/g;
/** A file name from the view: letters, digits, CJK and dashes only. */
export const safeFileName = (s: string) =>
  s.replace(NOT_IN_NAME, "-").replace(EDGE_DASHES, "") || "chart";
