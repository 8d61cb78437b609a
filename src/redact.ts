/**
 * The one place that decides what is a secret and hides it. The start-up banner, the request
 * log, the `--validate-responses` warning, the journal, the debug envelope and every `verify`
 * reporter go through here, so they all hide the same things.
 *
 * A name is judged by a broad rule rather than a list, after percent-decoding and case-folding:
 * anything token-, secret-, password-, session-, cookie-, credential-, signature- or auth-like
 * is secret, and so is a name whose last word is `key` (`api-key`, `X-Api-Key`, `apiKey`,
 * `private_key`). `key` counts only as the last word because as a modifier it names a choice,
 * not a secret (the contract's own `truto_key_by`). Array and object forms
 * (`access_token[]`, `access_token[0]`, `credentials[token]`) are judged by every word.
 *
 * Pure and platform-free: the engine (debug envelope) uses it as well as the doors.
 */

/** What a secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Words that make a name secret wherever they appear in it (`x-auth-token`, `mysessionid`). */
const SECRET_WORD =
  /token|secret|passw(?:or)?d|passphrase|passcode|pwd|sess(?:ion|id)|cookie|credential|signature|bearer|jwt|csrf|xsrf|auth(?!or(?!i[sz]))/;

/** Whole words that are secret on their own (`?sig=`, `?pass=`, `?otp=`). */
const SECRET_WHOLE_WORD = /^(?:sig|sid|pass|otp|pin|cvv)$/;

/** The last word of a name, when it names a key (`apikey`, `key`, `keys`). */
const KEY_WORD = /keys?$/;

/** Percent-decodes (`+` as a space, as in a query) until stable; a bad escape is left as it is. */
function decodeName(name: string): string {
  let text = name.replace(/\+/g, ' ');
  // Decoded more than once so a name encoded twice (`access%255Ftoken`) is judged too.
  for (let round = 0; round < 3 && text.includes('%'); round++) {
    const decoded = text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    if (decoded === text) break;
    text = decoded;
  }
  return text;
}

/**
 * Whether a query parameter, header or field name holds a secret.
 *
 * @example
 * isSecretName('refresh_token'); // true
 * isSecretName('X-Api-Key'); // true
 * isSecretName('access%5Ftoken[]'); // true
 * isSecretName('truto_key_by'); // false
 */
export function isSecretName(name: string): boolean {
  const known = judged.get(name);
  if (known !== undefined) return known;
  const secret = judgeName(name);
  if (judged.size >= JUDGED_NAMES) judged.clear();
  judged.set(name, secret);
  return secret;
}

/**
 * Names already judged. Every request's journal entry judges its query's and its headers'
 * names, nearly always the same few dozen, and judging one (decode, split, three patterns) cost
 * more than the Map lookup by far in a profile; bounded, as the names are the client's to pick.
 */
const judged = new Map<string, boolean>();
const JUDGED_NAMES = 1024;

function judgeName(name: string): boolean {
  const words = decodeName(name)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    // Array indices (`api_key[0]`) say nothing about what the name holds.
    .filter((word) => word !== '' && !/^\d+$/.test(word));
  if (words.some((word) => SECRET_WORD.test(word) || SECRET_WHOLE_WORD.test(word))) return true;
  const last = words.at(-1);
  return last !== undefined && KEY_WORD.test(last);
}

/**
 * A query string (without its `?`) with the values of secret parameters replaced; everything
 * else is kept byte for byte.
 *
 * @example
 * redactQuery('limit=2&access_token=abc'); // 'limit=2&access_token=[REDACTED]'
 */
export function redactQuery(rawQuery: string): string {
  if (rawQuery === '') return rawQuery;
  return rawQuery
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const name = pair.slice(0, eq);
      return isSecretName(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/** `scheme://user:password@` at the start of a URL. */
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i;

/**
 * A URL (absolute, or a path with its query, as `req.url`) with credentials removed: the
 * user-info part, and secret parameters in the query and in the fragment (OAuth's implicit
 * flow puts `access_token` there).
 *
 * @example
 * redactUrl('http://user:pw@host/x?id_token=abc&limit=2'); // 'http://[REDACTED]@host/x?id_token=[REDACTED]&limit=2'
 */
export function redactUrl(url: string): string {
  const withoutUser = url.replace(USERINFO, `$1${REDACTED}@`);
  const hash = withoutUser.indexOf('#');
  const beforeHash = hash === -1 ? withoutUser : withoutUser.slice(0, hash);
  const fragment = hash === -1 ? undefined : withoutUser.slice(hash + 1);
  const q = beforeHash.indexOf('?');
  const path = q === -1 ? beforeHash : beforeHash.slice(0, q);
  const query = q === -1 ? undefined : beforeHash.slice(q + 1);
  return (
    path +
    (query === undefined ? '' : `?${redactQuery(query)}`) +
    (fragment === undefined ? '' : `#${redactQuery(fragment)}`)
  );
}

/**
 * One header's value, redacted when its name is secret. An `Authorization`-like value keeps its
 * scheme (`Bearer [REDACTED]`), which tells a reader how the client authenticated.
 *
 * @example
 * redactHeader('authorization', 'Basic a2V5OnNlY3JldA=='); // 'Basic [REDACTED]'
 * redactHeader('set-cookie', 'session=abc; Path=/'); // '[REDACTED]'
 */
export function redactHeader(name: string, value: string): string {
  if (!isSecretName(name)) return value;
  const scheme = /^authorization$|-authorization$/i.test(name) ? /^([A-Za-z][\w-]*)\s+\S/.exec(value) : null;
  return scheme === null ? REDACTED : `${scheme[1]} ${REDACTED}`;
}

/**
 * Headers with the values of secret ones (`Authorization`, `Cookie`, `Set-Cookie`,
 * `X-Api-Key`, ...) redacted; a repeated header's values each become `[REDACTED]`.
 *
 * @example
 * redactHeaders({ 'set-cookie': ['a=1', 'b=2'], 'content-type': 'application/json' });
 * // { 'set-cookie': ['[REDACTED]', '[REDACTED]'], 'content-type': 'application/json' }
 */
export function redactHeaders<T extends string | number | readonly string[] | undefined>(
  headers: Readonly<Record<string, T>>,
): Record<string, T> {
  const redacted: Record<string, T> = {};
  for (const [name, value] of Object.entries(headers)) {
    redacted[name] = (
      typeof value === 'string'
        ? redactHeader(name, value)
        : Array.isArray(value)
          ? value.map((item: string) => redactHeader(name, item))
          : typeof value === 'number' && isSecretName(name)
            ? REDACTED
            : value
    ) as T;
  }
  return redacted;
}

/**
 * A JSON value with the values of secret-named properties replaced, at any depth (a
 * `remote_query[api_key]` lands in the Gong request body the debug envelope shows).
 *
 * @example
 * redactJson({ filter: { fromDate: '2026-10-01' }, api_key: 'abc' }); // { filter: {...}, api_key: '[REDACTED]' }
 */
export function redactJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => redactJson(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines each key: a parsed body's own `__proto__` stays a key, not a prototype.
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, isSecretName(name) ? REDACTED : redactJson(item)]),
  ) as T;
}

/**
 * A JSON member whose value is a string, number, boolean or null: `"name": value`. Strings are
 * read escape by escape, so a quote inside one never ends it early; a string the text's end cuts
 * short counts too (a preview cut inside a secret must not keep its start).
 */
const JSON_MEMBER = /"((?:[^"\\\n]|\\.){1,256})"(\s*:\s*)("(?:[^"\\\n]|\\.)*(?:"|$)|-?\d[\d.eE+-]*|true|false|null)/g;

/**
 * Anything a secret name (see isSecretName: its words, lower-cased as it lower-cases them, and
 * `%` escapes) or a URL's user-info could be made of, in lower-cased text: text without any of
 * them has nothing to redact. (Lower-casing, then a plain match, is twice as fast as `/i`.)
 */
const MAYBE_SECRET =
  /token|secret|pass|pwd|sess|cookie|credential|sig|bearer|jwt|csrf|xsrf|auth|sid|otp|pin|cvv|key|%|:\/\/[^/\s"'<>]*@/;

/**
 * JSON or NDJSON text, whole or cut short (a body's first few KB), with the values of
 * secret-named members replaced and the rest redacted as {@link redactText} does; everything
 * else kept byte for byte. What the journal's body previews go through.
 *
 * @example
 * redactJsonText('{"api_key":"abc","limit":2'); // '{"api_key":"[REDACTED]","limit":2'
 */
export function redactJsonText(text: string): string {
  // Most bodies hold nothing to redact, and the passes below cost a journaled request more than
  // its answer did: one scan for anything they could act on comes first, then (a third of
  // distinct pages pass that scan, by the words of their people's names) the names the passes
  // would judge, judged without the copying: together a third cheaper than the passes alone.
  if (!MAYBE_SECRET.test(text.toLowerCase()) || !redactsAnything(text)) return text;
  const members = text.replace(JSON_MEMBER, (member, name: string, colon: string) =>
    isSecretName(name) ? `"${name}"${colon}"${REDACTED}"` : member,
  );
  return redactText(members);
}

/**
 * URLs, and `name=value` pairs after the start, a space, `?`, `&`, `;` or `,`. A scheme is at
 * most 32 characters: unbounded, every word start of a long `a.a.a…` text rescanned the rest
 * of it looking for `://`, quadratic in the text a hostile target can put in a report.
 */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]{0,31}:\/\/[^\s"'<>]+/gi;
const PAIR_IN_TEXT = /(^|[\s?&;,#])([^\s=&?#;,:"'<>]+)=([^\s&#;,"'<>]*)/g;
/** `Name: value` header lines (`Authorization: Bearer abc`, `x-api-key: abc`). */
const HEADER_IN_TEXT = /(^|[\s"'])([A-Za-z][\w-]*):[ \t]*(?:(Bearer|Basic|Token|Digest)[ \t]+)?([^\s"',;]+)/gm;
/** A bearer token standing alone (`Bearer abc`). */
const BEARER_IN_TEXT = /\bBearer[ \t]+(?!\[REDACTED\])[A-Za-z0-9\-._~+/]+=*/g;

/**
 * Whether redactJsonText's passes would change `text` at all, found with none of their copying:
 * the member and header passes are run for their names alone (the same patterns, so the same
 * matches), and the URL, pair and bearer passes cannot match without `://`, `=` or `Bearer`.
 * A body's words often look secret-ish (a "Cassidy" has a `sid`) with nothing to redact.
 */
function redactsAnything(text: string): boolean {
  if (text.includes('://') || text.includes('=') || text.includes('Bearer')) return true;
  for (const member of text.matchAll(JSON_MEMBER)) if (isSecretName(member[1] as string)) return true;
  for (const header of text.matchAll(HEADER_IN_TEXT)) if (isSecretName(header[2] as string)) return true;
  return false;
}

/**
 * Free text (a log line, an error message, a report's message) with the credentials it may
 * carry removed: URLs as {@link redactUrl} does them, secret `name=value` pairs, secret
 * `Name: value` headers and `Bearer` tokens.
 *
 * @example
 * redactText('cannot reach http://u:p@host/?token=x'); // 'cannot reach http://[REDACTED]@host/?token=[REDACTED]'
 */
export function redactText(text: string): string {
  return text
    .replace(URL_IN_TEXT, (url) => redactUrl(url))
    .replace(PAIR_IN_TEXT, (pair, before: string, name: string) =>
      isSecretName(name) ? `${before}${name}=${REDACTED}` : pair,
    )
    .replace(HEADER_IN_TEXT, (header, before: string, name: string, scheme: string | undefined) =>
      isSecretName(name) ? `${before}${name}: ${scheme === undefined ? '' : `${scheme} `}${REDACTED}` : header,
    )
    .replace(BEARER_IN_TEXT, `Bearer ${REDACTED}`);
}

/**
 * Values shorter than this are not searched for in text: they would match ordinary words and
 * cursors (a token `t-a` inside `not-a-cursor`) and mangle what they are found in. Any real
 * token is longer; the names and headers that carry a short one are redacted all the same.
 */
export const MIN_SECRET_VALUE_LENGTH = 8;

/**
 * Text with every occurrence of the given secret values replaced (a token a target echoes back
 * in a body, a message or a URL, whatever name it sits under). Values shorter than
 * {@link MIN_SECRET_VALUE_LENGTH} are left alone.
 *
 * @example
 * redactValues('{"echo":"tok-12345"}', ['tok-12345']); // '{"echo":"[REDACTED]"}'
 */
export function redactValues(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_VALUE_LENGTH && secret !== REDACTED)
      redacted = redacted.split(secret).join(REDACTED);
  }
  return redacted;
}
