// Where the mock is, read from this file's own URL (`<mock>/__admin/console/assets/paths.js`):
// a parent app may mount the mock below a prefix (`app.use('/mock', createApp())`), and every
// URL the console asks for or shows must then carry it. The page's own address names the page, not
// the mock, so it is never used for this.

/** The mock's base URL as a client pastes it: the origin and any mount prefix, no trailing slash. */
export const MOCK_BASE = new URL('../../../', import.meta.url).href.replace(/\/$/, '');

/**
 * The URL of one of the mock's paths, below wherever it is mounted.
 * @example mockUrl('/__admin/accounts') // 'http://127.0.0.1:4010/__admin/accounts', or '.../mock/__admin/accounts'
 */
export function mockUrl(path) {
  return `${MOCK_BASE}${path}`;
}
