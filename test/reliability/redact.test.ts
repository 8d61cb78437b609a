/**
 * The redaction module's rule as tables, value in, text out: which names are secret, and what
 * each redactor keeps and hides. (Every output that uses it is driven for real in
 * redaction.test.ts; these run with no server or binary, so a mutation run reaches them.)
 */
import { describe, expect, it } from 'vitest';
import {
  isSecretName,
  MIN_SECRET_VALUE_LENGTH,
  REDACTED,
  redactHeader,
  redactHeaders,
  redactJson,
  redactJsonText,
  redactQuery,
  redactText,
  redactUrl,
  redactValues,
} from '../../src/redact.js';

describe('isSecretName: a broad rule, after decoding and case-folding', () => {
  const cases: Array<{ given: string; want: boolean }> = [
    // token-, key-, secret-, password-, session-, auth-like
    { given: 'access_token', want: true },
    { given: 'refresh_token', want: true },
    { given: 'id_token', want: true },
    { given: 'private_token', want: true },
    { given: 'accessToken', want: true },
    { given: 'ACCESS_TOKEN', want: true },
    { given: 'api-key', want: true },
    { given: 'x-api-key', want: true },
    { given: 'X-Api-Key', want: true },
    { given: 'apikey', want: true },
    { given: 'apiKey', want: true },
    { given: 'client_secret', want: true },
    { given: 'password', want: true },
    { given: 'db_passwd', want: true },
    { given: 'session', want: true },
    { given: 'PHPSESSID', want: true },
    { given: 'Authorization', want: true },
    { given: 'Proxy-Authorization', want: true },
    { given: 'oauth_verifier', want: true },
    { given: 'Cookie', want: true },
    { given: 'Set-Cookie', want: true },
    { given: 'X-Amz-Signature', want: true },
    { given: 'sig', want: true },
    // percent-encoded names, array and object forms
    { given: 'access%5Ftoken', want: true },
    { given: '%61ccess_token', want: true },
    { given: 'access%255Ftoken', want: true },
    { given: 'access_token[]', want: true },
    { given: 'access_token%5B%5D', want: true },
    { given: 'api_key[0]', want: true },
    { given: 'credentials[token]', want: true },
    { given: 'remote_query[api_key]', want: true },
    { given: 'auth[user]', want: true },
    // the contract's own names, and ordinary headers, stay readable
    { given: 'truto_key_by', want: false },
    { given: 'keyBy', want: false },
    { given: 'integrated_account_id', want: false },
    { given: 'next_cursor', want: false },
    { given: 'truto_exclude_fields[]', want: false },
    { given: 'remote_query[filter][createdFromDateTime]', want: false },
    { given: 'users[0][id]', want: false },
    { given: 'author', want: false },
    { given: 'content-type', want: false },
    { given: 'ratelimit-remaining', want: false },
    { given: 'retry-after', want: false },
    { given: 'limit', want: false },
    { given: 'bad%zzname', want: false },
  ];
  it.each(cases)('$given → $want', ({ given, want }) => {
    expect(isSecretName(given)).toBe(want);
  });
});

describe('redacting URLs, queries, headers, JSON and text', () => {
  const urls: Array<{ given: string; want: string }> = [
    {
      given: '/unified/x?limit=2&access_token=abc&truto_key_by=id',
      want: '/unified/x?limit=2&access_token=[REDACTED]&truto_key_by=id',
    },
    { given: 'http://user:pw@host:4010/a?b=1', want: 'http://[REDACTED]@host:4010/a?b=1' },
    { given: 'https://tok@host/', want: 'https://[REDACTED]@host/' },
    { given: 'https://host/cb#access_token=abc&state=s', want: 'https://host/cb#access_token=[REDACTED]&state=s' },
    { given: '/x?%72efresh_token=abc&api_key%5B%5D=d', want: '/x?%72efresh_token=[REDACTED]&api_key%5B%5D=[REDACTED]' },
    { given: '/x?flag&token', want: '/x?flag&token' },
    { given: '/x', want: '/x' },
  ];
  it.each(urls)('redactUrl($given)', ({ given, want }) => {
    expect(redactUrl(given)).toBe(want);
    expect(redactUrl(want)).toBe(want); // idempotent: a report redacted twice reads the same
  });

  it('redactQuery keeps everything but secret values byte for byte', () => {
    expect(redactQuery('a=1&id_token=x&&b=%20&Private-Token=y')).toBe(
      'a=1&id_token=[REDACTED]&&b=%20&Private-Token=[REDACTED]',
    );
  });

  it('redactHeaders hides secret headers, keeps an Authorization scheme, and each value of a list', () => {
    expect(
      redactHeaders({
        authorization: 'Basic a2V5OnNlY3JldA==',
        'set-cookie': ['session=abc; Path=/', 'b=2'],
        'X-Api-Key': 'k',
        'content-type': 'application/json',
        'ratelimit-remaining': '2',
      }),
    ).toEqual({
      authorization: 'Basic [REDACTED]',
      'set-cookie': ['[REDACTED]', '[REDACTED]'],
      'X-Api-Key': '[REDACTED]',
      'content-type': 'application/json',
      'ratelimit-remaining': '2',
    });
  });

  it('redactJson hides secret-named properties at any depth', () => {
    expect(
      redactJson({ filter: { fromDate: '2026-10-01', client_secret: 's' }, api_key: 'k', list: [{ token: 't' }] }),
    ).toEqual({
      filter: { fromDate: '2026-10-01', client_secret: '[REDACTED]' },
      api_key: '[REDACTED]',
      list: [{ token: '[REDACTED]' }],
    });
  });

  it('redactJson keeps a body\'s own "__proto__" key as a key (redacted inside), not as a prototype', () => {
    // JSON.parse makes "__proto__" an own property; assigning it would set the copy's prototype
    // instead, and the report would lose the key and what it held.
    const redacted = redactJson(JSON.parse('{"__proto__":{"token":"t","id":1},"a":1}') as object);
    expect(Object.getPrototypeOf(redacted)).toBe(Object.prototype);
    expect(JSON.stringify(redacted)).toBe('{"__proto__":{"token":"[REDACTED]","id":1},"a":1}');
  });

  const texts: Array<{ given: string; want: string }> = [
    {
      given: 'cannot reach http://u:hunter2@127.0.0.1:1: ECONNREFUSED',
      want: 'cannot reach http://[REDACTED]@127.0.0.1:1: ECONNREFUSED',
    },
    { given: 'GET /x?token=abc&limit=2 answered 500', want: 'GET /x?token=[REDACTED]&limit=2 answered 500' },
    { given: 'sent Authorization: Bearer abc.def', want: 'sent Authorization: Bearer [REDACTED]' },
    { given: 'x-api-key: abc', want: 'x-api-key: [REDACTED]' },
    { given: 'with Bearer abc', want: 'with Bearer [REDACTED]' },
    { given: 'expected status 400, got 200', want: 'expected status 400, got 200' },
  ];
  it.each(texts)('redactText($given)', ({ given, want }) => {
    expect(redactText(given)).toBe(want);
  });

  it("redactText reads a long run of word starts without a scheme once (a hostile target's message)", () => {
    // `a.a.a…` is a word start every two characters; an unbounded scheme pattern rescanned the
    // rest of the text from each of them (quadratic: this text alone took minutes).
    const hostile = 'a.'.repeat(500_000);
    const text = `${hostile} see http://u:p@host/?token=x`;
    expect(redactText(text)).toBe(`${hostile} see http://[REDACTED]@host/?token=[REDACTED]`);
  });
});

describe('isSecretName: each word of the rule, and where it stops', () => {
  it.each<[string, boolean]>([
    // every secret word, and the whole words
    ['passwd', true],
    ['passphrase', true],
    ['passcode', true],
    ['pwd', true],
    ['sessid', true],
    ['signature', true],
    ['bearer', true],
    ['jwt', true],
    ['csrf', true],
    ['xsrf', true],
    ['credential', true],
    ['secret', true],
    ['cookie', true],
    ['sid', true],
    ['pass', true],
    ['otp', true],
    ['pin', true],
    ['cvv', true],
    ['x.pin', true],
    ['sigma', false],
    ['spin', false],
    ['pinned', false],
    // auth-, but not author-: authorize and authorise are auth, authority is not
    ['authorize', true],
    ['authorise', true],
    ['authority', false],
    // key as the last word only, and any last word ending in key(s)
    ['api_keys', true],
    ['monkey', true],
    ['keyboard', false],
    ['key_v2', false],
    ['key_2fa', false],
    ['api_key[]', true],
    ['api_key[10]', true],
    // no words at all
    ['', false],
    ['[]', false],
    // `+` is a space: it parts words, it never joins them
    ['ke+y', false],
    // escapes: upper-case hex, runs decoded whole (UTF-8), three rounds at most, bad ones kept
    ['x%5Fsig', true],
    ['x%25255Fsig', true],
    ['x%2525255Fsig', false],
    ['key%C3%A9', true],
    ['otp%ff', true],
  ])('%j → %s', (given, want) => {
    expect(isSecretName(given)).toBe(want);
    expect(isSecretName(given)).toBe(want); // judged again: the same
  });
});

describe('the redactors, edge by edge', () => {
  it('redactQuery: a parameter without `=` is kept, whatever its name', () => {
    expect(redactQuery('tokens&a=1')).toBe('tokens&a=1');
    expect(redactQuery('')).toBe('');
  });

  it.each<[string, string]>([
    ['http://h/p#a=1', 'http://h/p#a=1'],
    ['http://h/p?x=1#token=2', 'http://h/p?x=1#token=[REDACTED]'],
    ['HTTP://u@h', 'HTTP://[REDACTED]@h'],
    ['git+ssh://u@h/p', 'git+ssh://[REDACTED]@h/p'],
    ['http://h/p?q@x', 'http://h/p?q@x'],
    ['/a@b?token=1', '/a@b?token=[REDACTED]'],
    ['http://u@h?x=1&secret=2#z', 'http://[REDACTED]@h?x=1&secret=[REDACTED]#z'],
  ])('redactUrl(%j)', (given, want) => {
    expect(redactUrl(given)).toBe(want);
  });

  it.each<[string, string, string]>([
    ['authorization', 'Bearer abc', 'Bearer [REDACTED]'],
    ['Authorization', 'Basic   xyz', 'Basic [REDACTED]'],
    ['proxy-authorization', 'x-y z', 'x-y [REDACTED]'],
    ['authorization', 'Bearer ', '[REDACTED]'],
    ['authorization', '1abc def', '[REDACTED]'],
    ['xauthorization', 'Bearer abc', '[REDACTED]'],
    ['authorization-x', 'Bearer abc', '[REDACTED]'],
    ['x-authorization-info', 'Bearer abc', '[REDACTED]'],
    ['x-api-key', 'Bearer abc', '[REDACTED]'],
    ['accept', 'Bearer abc', 'Bearer abc'],
  ])('redactHeader(%j, %j)', (name, value, want) => {
    expect(redactHeader(name, value)).toBe(want);
  });

  it('redactHeaders: a number under a secret name is hidden, other numbers and undefined kept', () => {
    expect(redactHeaders({ 'x-token': 5, 'content-length': 5, etag: undefined })).toEqual({
      'x-token': '[REDACTED]',
      'content-length': 5,
      etag: undefined,
    });
  });

  it('redactJson: arrays, null and plain values as they are', () => {
    expect(redactJson([{ token: 1 }, null, 'a', 2])).toEqual([{ token: '[REDACTED]' }, null, 'a', 2]);
    expect(redactJson(null)).toBeNull();
    expect(redactJson('token')).toBe('token');
  });

  it.each<[string, string]>([
    ['{"api_key":"abc","limit":2', '{"api_key":"[REDACTED]","limit":2'],
    ['{"name":"Cassidy","sid":1}', '{"name":"Cassidy","sid":"[REDACTED]"}'],
    ['{"name":"Cassidy"}', '{"name":"Cassidy"}'],
    ['{"limit":2}', '{"limit":2}'],
    ['{"token":"a\\"b","x":1}', '{"token":"[REDACTED]","x":1}'],
    ['{"pass": true, "pin" :null, "otp":-1.5e3}', '{"pass": "[REDACTED]", "pin" :"[REDACTED]", "otp":"[REDACTED]"}'],
    ['{"token":"abc', '{"token":"[REDACTED]"'],
    ['Authorization: Bearer abc', 'Authorization: Bearer [REDACTED]'],
    ['{"u":"http://a:b@h/"}', '{"u":"http://[REDACTED]@h/"}'],
    ['{"a":"x=1"}', '{"a":"x=1"}'],
    ['{"a":"Bearer abcdef"}', '{"a":"Bearer [REDACTED]"}'],
    ['{"description":"the token is here"}', '{"description":"the token is here"}'],
    ['{"TOKEN":"x"}', '{"TOKEN":"[REDACTED]"}'],
    ['{"x":"%41"}', '{"x":"%41"}'],
    ['{"secretive":{"a":1}}', '{"secretive":{"a":1}}'],
    ['key: v', 'key: [REDACTED]'],
    ['{"keys":["a"]}', '{"keys":["a"]}'],
    ['{"a":1}\n{"session":"s"}\n', '{"a":1}\n{"session":"[REDACTED]"}\n'],
  ])('redactJsonText(%j)', (given, want) => {
    expect(redactJsonText(given)).toBe(want);
  });

  it.each<[string, string]>([
    ['a token=x b', 'a token=[REDACTED] b'],
    ['x;sid=1,y', 'x;sid=[REDACTED],y'],
    ['p=1&pin=2#otp=3', 'p=1&pin=[REDACTED]#otp=[REDACTED]'],
    ['Token: abc', 'Token: [REDACTED]'],
    ['X-Token: Token abc', 'X-Token: Token [REDACTED]'],
    ['say "cookie: yum"', 'say "cookie: [REDACTED]"'],
    ['see ftp://u:p@host/x', 'see ftp://[REDACTED]@host/x'],
    ['Bearer [REDACTED] ok', 'Bearer [REDACTED] ok'],
    ['Bearer a.b-c_d~e+f/g==', 'Bearer [REDACTED]'],
    ['name=value', 'name=value'],
    ['key=', 'key=[REDACTED]'],
    ['a,secret=s', 'a,secret=[REDACTED]'],
    ['nota?pin=1', 'nota?pin=[REDACTED]'],
  ])('redactText(%j)', (given, want) => {
    expect(redactText(given)).toBe(want);
  });

  it('redactValues: values of eight characters or more, wherever they are', () => {
    expect(MIN_SECRET_VALUE_LENGTH).toBe(8);
    expect(redactValues('abcdefgh abcdefg x-abcdefgh-y', ['abcdefgh', 'abcdefg', '[REDACTED]'])).toBe(
      '[REDACTED] abcdefg x-[REDACTED]-y',
    );
    expect(REDACTED).toBe('[REDACTED]');
  });
});
