import { chromium as playwright, type Browser } from "playwright-core";

/**
 * Launches the test browser. CHROME_PATH (or CHROMIUM_PATH) points at a system Chromium; otherwise
 * the Chromium that @sparticuz/chromium ships inside its npm package is unpacked and used, so no
 * browser is ever downloaded.
 */
export async function launchBrowser(): Promise<Browser> {
  const systemPath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH;
  const common = [
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
  ];
  if (systemPath) {
    return playwright.launch({
      executablePath: systemPath,
      headless: true,
      args: [...common, "--no-sandbox", "--disable-gpu"],
    });
  }
  const { default: sparticuz } = await import("@sparticuz/chromium");
  // Its Lambda defaults turn off web security and isolation; the tests must see the real thing
  // (the Content-Security-Policy, same-origin rules), so those flags are dropped.
  const unsafe = new Set([
    "--disable-web-security",
    "--allow-running-insecure-content",
    "--single-process",
    "--no-zygote",
  ]);
  const args = sparticuz.args.filter((a) => !unsafe.has(a) && !a.startsWith("--disable-features"));
  return playwright.launch({
    executablePath: await sparticuz.executablePath(),
    headless: true,
    args: [...args, ...common],
  });
}
