/**
 * The secret of an `Authorization` value: the credentials after its scheme (`Bearer abc` ->
 * `abc`), and the whole value, so either is found wherever a target echoes it.
 *
 * @example
 * splitBearer('Bearer abc'); // ['abc', 'Bearer abc']
 * splitBearer(undefined); // []
 */
export function splitBearer(authorization: string | undefined): string[] {
  if (authorization === undefined || authorization.trim() === '') return [];
  const credentials = authorization.trim().replace(/^[A-Za-z][\w-]*\s+/, '');
  return credentials === '' || credentials === authorization.trim()
    ? [authorization.trim()]
    : [credentials, authorization.trim()];
}
