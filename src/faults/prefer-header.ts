/**
 * Reading a `Prefer` header (RFC 7240) in one pass. The header is attacker-controlled text, so
 * the reader never backtracks: an index moves forward over every character at most once, and a
 * megabyte of hostile input costs a thousand times what a kilobyte costs, no more.
 *
 *   Prefer     = 1#preference
 *   preference = token [ BWS "=" BWS word ] *( OWS ";" [ OWS parameter ] )
 *   parameter  = token [ BWS "=" BWS word ]
 *   word       = token / quoted-string
 */

/**
 * The text the reader walks: a string, or (in tests) anything that counts the reads. Reads are
 * `charCodeAt` for one character and `slice` for a token already walked.
 */
export interface HeaderText {
  readonly length: number;
  charCodeAt(index: number): number;
  slice(start: number, end: number): string;
}

const SPACE = 0x20;
const TAB = 0x09;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const TOKEN_SYMBOLS = new Set(Array.from("!#$%&'*+-.^_`|~", (symbol) => symbol.charCodeAt(0)));

/** RFC 7230 `tchar`: the characters a token is made of. */
function isTokenChar(code: number): boolean {
  if (code >= 0x30 && code <= 0x39) return true; // 0-9
  if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) return true; // A-Z a-z
  return TOKEN_SYMBOLS.has(code);
}

/** One preference of a `Prefer` header: its value and its parameters (lower-cased names). */
export interface Preference {
  value: string;
  parameters: Map<string, string>;
}

/**
 * Reads the preferences of a `Prefer` header: lower-cased name to value (`''` when the
 * preference has no value). Parameters after `;` are read past, not returned. As RFC 7240
 * says, only the first instance of a preference counts. Malformed parts are skipped up to the
 * next comma outside a quoted string, never refused: a preference the server does not
 * understand is to be ignored.
 *
 * @example
 * readPreferences('respond-async, scenario=empty; x=y').get('scenario'); // 'empty'
 */
export function readPreferences(text: HeaderText): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, preference] of readPreferencesWithParameters(text)) values.set(name, preference.value);
  return values;
}

/**
 * Reads the preferences of a `Prefer` header with their parameters (`scenario=slow-body;
 * duration=2000`): the same pass as `readPreferences`, the first instance of a parameter
 * counting as the first of a preference does.
 *
 * @example
 * readPreferencesWithParameters('scenario=slow-body; duration=2000').get('scenario')?.parameters.get('duration'); // '2000'
 */
export function readPreferencesWithParameters(text: HeaderText): Map<string, Preference> {
  const preferences = new Map<string, Preference>();
  const end = text.length;
  let i = 0;

  const skipSpaces = () => {
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code !== SPACE && code !== TAB) return;
      i++;
    }
  };
  const readToken = (): string => {
    const start = i;
    while (i < end && isTokenChar(text.charCodeAt(i))) i++;
    return text.slice(start, i);
  };
  // After the opening quote; ends after the closing quote, or at the end of an unterminated one.
  const readQuoted = (): string => {
    let value = '';
    let start = i;
    while (i < end) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        value += text.slice(start, i);
        i++;
        return value;
      }
      if (code === BACKSLASH && i + 1 < end) {
        // quoted-pair: the escaped character stands for itself.
        value += text.slice(start, i);
        start = i + 1;
        i += 2;
        continue;
      }
      i++;
    }
    return value + text.slice(start, i);
  };
  // `[ BWS "=" BWS word ]`: the value, or undefined when there is no `=`.
  const readValue = (): string | undefined => {
    skipSpaces();
    if (i >= end || text.charCodeAt(i) !== EQUALS) return undefined;
    i++;
    skipSpaces();
    if (i < end && text.charCodeAt(i) === QUOTE) {
      i++;
      return readQuoted();
    }
    return readToken();
  };
  // Past whatever is left of this preference, quoted strings included, to after the next comma.
  const skipToNextPreference = () => {
    while (i < end) {
      const code = text.charCodeAt(i);
      i++;
      if (code === COMMA) return;
      if (code === QUOTE) readQuoted();
    }
  };

  // `*( OWS ";" [ OWS parameter ] )`, from a `;`: the parameters, up to the first malformed one.
  const readParameters = (): Map<string, string> => {
    const parameters = new Map<string, string>();
    while (i < end && text.charCodeAt(i) === SEMICOLON) {
      i++;
      skipSpaces();
      const name = readToken().toLowerCase();
      if (name === '') continue;
      const value = readValue() ?? '';
      if (!parameters.has(name)) parameters.set(name, value);
      skipSpaces();
    }
    return parameters;
  };

  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === SPACE || code === TAB || code === COMMA) {
      i++;
      continue;
    }
    const name = readToken().toLowerCase();
    if (name === '') {
      skipToNextPreference();
      continue;
    }
    const value = readValue() ?? '';
    skipSpaces();
    const next = i < end ? text.charCodeAt(i) : COMMA;
    // Only a well-formed preference counts: one followed by its parameters or the next preference.
    if ((next === COMMA || next === SEMICOLON) && !preferences.has(name))
      preferences.set(name, { value, parameters: readParameters() });
    skipToNextPreference();
  }
  return preferences;
}
