/**
 * The Content-Security-Policy of the built dashboard: scripts, workers, fonts and data only from
 * its own origin, no inline script, no plugins. ECharts and React set styles through the CSSOM,
 * which style-src does not govern, so no 'unsafe-inline' is needed for them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
