/**
 * The headers of every console response. The journal shows whatever any client sent, so the
 * page must never run what it shows: the Content-Security-Policy allows script, style, images
 * and connections from the mock's own origin only, and no inline script at all (the pages
 * carry none; a hostile string that slipped into the markup could not run either).
 */

/** The console's Content-Security-Policy. */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  // Swagger UI draws a few icons as data: URLs.
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The headers of a console response of `type`.
 *
 * @example
 * consoleHeaders('text/html; charset=utf-8')['content-security-policy']; // CONSOLE_CSP
 */
export function consoleHeaders(type: string): Record<string, string> {
  return {
    'content-type': type,
    'content-security-policy': CONSOLE_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-cache',
  };
}
