/**
 * Keeps the admin API to the machine it runs on unless told otherwise: it can clear the
 * journal and reveals every request's path.
 */

/** Whether an address is this machine. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
