/**
 * The example, end to end: a rep called Ada whose patience was 0.4 on one October day
 * and 0.8 on another, and who made no calls otherwise, has exactly the October the aggregation
 * rules say, on the unified endpoint and on Gong's, under her own name and email.
 */
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/create-engine.js';
import type { WorldDocument } from '../../src/generated/world-document.js';

const ACCOUNT = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
const ADA = '7010000000000000001';
const HEADERS = { host: '127.0.0.1:4010', authorization: 'Bearer test' };

export const ADA_WORLD: WorldDocument = {
  seed: 7,
  now: '2026-11-24T00:00:00Z',
  accounts: [
    {
      id: ACCOUNT,
      name: 'Test Co',
      domain: 'test-co.example',
      timeZone: 'Europe/Berlin',
      generatedUsers: 5,
      users: [
        {
          id: ADA,
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@test-co.example',
          title: 'Account Executive',
          active: true,
          managerId: '7010000000000000002',
          profile: 'inactive',
          days: {
            '2026-10-05': {
              calls: 3,
              longestMonologue: 310,
              longestCustomerStory: 95,
              interactivity: 6.2,
              patience: 0.4,
              questionRate: 11,
              talkRatio: 0.62,
            },
            '2026-10-12': {
              calls: 1,
              longestMonologue: 200,
              longestCustomerStory: 40,
              interactivity: 5,
              patience: 0.8,
              questionRate: 9,
              talkRatio: 0.5,
            },
            '2026-10-20/2026-10-24': { calls: 0 },
          },
        },
        {
          id: '7010000000000000002',
          firstName: 'Grace',
          lastName: 'Hopper',
          title: 'Sales Manager',
          // Generated habits, but a week off: the range replaces what the generator says.
          days: { '2026-10-19/2026-10-25': { calls: 0 } },
        },
      ],
    },
  ],
};

/** Ada's October, by the rules: longest = the largest day; rates weighted by calls, two decimals. */
const OCTOBER = [
  { name: 'Longest Monologue', value: 310 },
  { name: 'Longest Customer Story', value: 95 },
  { name: 'Interactivity', value: 5.9 }, // (3 x 6.2 + 1 x 5) / 4
  { name: 'Patience', value: 0.5 }, // (3 x 0.4 + 1 x 0.8) / 4
  { name: 'Question Rate', value: 10.5 }, // (3 x 11 + 1 x 9) / 4
  { name: 'Talk Ratio', value: 0.59 }, // (3 x 0.62 + 1 x 0.5) / 4 = 0.5900
];

async function unified(engine: Engine, start: string, end: string): Promise<{ status: number; json: any }> {
  const answer = await engine.answer({
    method: 'GET',
    url: `/unified/conversational-intelligence/interactions?integrated_account_id=${ACCOUNT}&start_time=${start}&end_time=${end}`,
    headers: HEADERS,
  });
  return { status: answer.status, json: JSON.parse(new TextDecoder().decode(answer.body as Uint8Array)) };
}

async function gong(engine: Engine, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const answer = await engine.answer({
    method: body === undefined ? 'GET' : 'POST',
    url: `/gong/${ACCOUNT}${path}`,
    headers: { ...HEADERS, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body);
  return { status: answer.status, json: JSON.parse(text) };
}

describe('Ada, as the world file states her', () => {
  const engine = createEngine({ world: ADA_WORLD });

  it('has exactly the October the rules give, on the unified endpoint (the month in Berlin)', async () => {
    const { status, json } = await unified(engine, '2026-09-30T22:00:00Z', '2026-10-31T23:00:00Z');
    expect(status).toBe(200);
    const ada = json.result.find((record: any) => record.user.id === ADA);
    expect(ada.user.emails).toEqual([{ email: 'ada@test-co.example', is_primary: true }]);
    expect(ada.metrics).toEqual({
      longest_monologue: 310,
      longest_customer_story: 95,
      interactivity: 5.9,
      patience: 0.5,
      question_rate: 10.5,
    });
    expect(ada.additional_metrics).toEqual([{ name: 'Talk Ratio', value: 0.59 }]);
    expect(ada.remote_data.personInteractionStats).toEqual(OCTOBER);
  });

  it("has the same October on Gong's stats endpoint", async () => {
    const { status, json } = await gong(engine, '/v2/stats/interaction', {
      filter: { fromDate: '2026-10-01', toDate: '2026-11-01', userIds: [ADA] },
    });
    expect(status).toBe(200);
    expect(json.peopleInteractionStats).toEqual([
      { userId: ADA, userEmailAddress: 'ada@test-co.example', personInteractionStats: OCTOBER },
    ]);
  });

  it("keeps her id, name, email, title and manager in Gong's users, with the generated users after the stated", async () => {
    const { json } = await gong(engine, '/v2/users');
    expect(json.records.totalRecords).toBe(7);
    expect(json.users[0]).toMatchObject({
      id: ADA,
      firstName: 'Ada',
      lastName: 'Lovelace',
      emailAddress: 'ada@test-co.example',
      title: 'Account Executive',
      active: true,
      managerId: '7010000000000000002',
    });
    expect(json.users[1]).toMatchObject({ id: '7010000000000000002', firstName: 'Grace', managerId: null });
    expect(new Set(json.users.map((user: any) => user.id)).size).toBe(7);
  });

  it('a calls: 0 range removes a user with generated habits from windows inside it, not from the week before', async () => {
    const GRACE = '7010000000000000002';
    const weekBefore = await unified(engine, '2026-10-11T22:00:00Z', '2026-10-18T22:00:00Z');
    expect(weekBefore.json.result.map((record: any) => record.user.id)).toContain(GRACE);
    const inRange = await unified(engine, '2026-10-18T22:00:00Z', '2026-10-25T23:00:00Z');
    expect(inRange.status).toBe(200);
    expect(inRange.json.result.map((record: any) => record.user.id)).not.toContain(GRACE);
    expect(inRange.json.result.map((record: any) => record.user.id)).not.toContain(ADA);
  });

  it('an inactive user is absent where nothing is pinned, though the generated users have calls', async () => {
    const september = await unified(engine, '2026-08-31T22:00:00Z', '2026-09-30T22:00:00Z');
    expect(september.json.result.map((record: any) => record.user.id)).not.toContain(ADA);
    expect(september.json.result.length).toBeGreaterThan(0);
  });

  it('has one pinned day alone as that day says', async () => {
    const { json } = await gong(engine, '/v2/stats/interaction', {
      filter: { fromDate: '2026-10-12', toDate: '2026-10-13', userIds: [ADA] },
    });
    expect(json.peopleInteractionStats[0].personInteractionStats).toEqual([
      { name: 'Longest Monologue', value: 200 },
      { name: 'Longest Customer Story', value: 40 },
      { name: 'Interactivity', value: 5 },
      { name: 'Patience', value: 0.8 },
      { name: 'Question Rate', value: 9 },
      { name: 'Talk Ratio', value: 0.5 },
    ]);
  });
});
