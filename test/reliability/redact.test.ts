/**
 * The redaction module's rule as tables, value in, text out: which names are secret, and what
 * each redactor keeps and hides. (Every output that uses it is driven for real in
 * redaction.test.ts; these run with no server or binary, so a mutation run reaches them.)
 */
import { describe, expect, it } from 'vitest';
import { isSecretName, redactHeaders, redactJson, redactQuery, redactText, redactUrl } from '../../src/redact.js';

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
