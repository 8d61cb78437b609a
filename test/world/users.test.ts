/**
 * Users' names, addresses and Gong records are drawn when first read; what is read, and in
 * which order, must never change them.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/world/calendar.js';
import type { WorldUser } from '../../src/world/users.js';
import { createWorld } from '../../src/world/world.js';

const USERS = 3_000;

function accountOf(seed: number) {
  return createWorld({ seed, userCount: USERS }).accounts[0]!;
}

describe('users drawn when read', () => {
  it('gives every user a distinct address: a repeated name gets a number, as it would in a company', () => {
    const addresses = accountOf(42)
      .users()
      .map((user) => user.emailAddress);
    expect(new Set(addresses).size).toBe(addresses.length);
    // Among 3,000 people drawn from English names some share one; the second gets a number.
    expect(addresses.filter((address) => /\d@/.test(address)).length).toBeGreaterThan(0);
  });

  it('gives the same address and record whatever is read first, and in whatever order', () => {
    const inOrder = accountOf(7).users();
    const expected = inOrder.map((user) => JSON.stringify(user.gong));
    const backwards = accountOf(7).users();
    for (let i = backwards.length - 1; i >= 0; i -= 97) expect(JSON.stringify(backwards[i]!.gong)).toBe(expected[i]);
    const lastFirst = accountOf(7).users();
    expect(lastFirst[USERS - 1]!.emailAddress).toBe(inOrder[USERS - 1]!.emailAddress);
    expect(lastFirst.map((user) => JSON.stringify(user.gong))).toEqual(expected);
  });

  it('keeps the record consistent with what the stats report', () => {
    for (const user of accountOf(42).users().slice(0, 50)) {
      expect(user.gong.id).toBe(user.id);
      expect(user.gong.emailAddress).toBe(user.emailAddress);
    }
  });
});

describe("the default world's users, as every machine draws them", () => {
  // Built in each test, not while the file is collected nor in a hook: a mutation run switches
  // its mutant on after collection and credits a mutant only to the tests that ran it.
  const usersOf = () => createWorld().accounts[0]!.users();

  it('the first user heads sales: no manager, a manager’s title, this exact record', () => {
    const users = usersOf();
    expect(users[0]!.gong).toEqual({
      id: '713552277022972',
      emailAddress: 'eliza.hermiston@acme-widgets.com',
      created: '2019-10-31T03:06:25-07:00',
      active: true,
      emailAliases: [],
      trustedEmailAddress: 'eliza.hermiston@acme-widgets.com',
      firstName: 'Eliza',
      lastName: 'Hermiston',
      title: 'Director of Sales',
      phoneNumber: '+1 (422) 304-7326',
      extension: '2521',
      personalMeetingUrls: ['https://zoom.us/j/37363072542521'],
      settings: {
        webConferencesRecorded: true,
        preventWebConferenceRecording: false,
        telephonyCallsImported: true,
        emailsImported: true,
        preventEmailImport: false,
        nonRecordedMeetingsImported: false,
      },
      managerId: null,
      meetingConsentPageUrl: 'https://join.gong.io/acme-widgets/eliza.hermiston?tkn=tsmdOnAsDiMCHvNTNHXY0y',
      spokenLanguages: [{ language: 'en-US', primary: true }],
    });
    expect([users[0]!.index, users[0]!.key, users[0]!.firstDay, users[0]!.endDay]).toEqual([
      0,
      1484663355,
      18203,
      Infinity,
    ]);
    expect(users[0]!.pinned).toBeUndefined();
  });

  it('a name’s other characters leave the address; the rest of a team reports to its tenth', () => {
    const users = usersOf();
    expect(users[1]!.gong).toMatchObject({
      emailAddress: 'gordon.willsmith@acme-widgets.com',
      lastName: 'Will-Smith',
      title: 'Senior Account Executive',
      managerId: users[0]!.id,
      created: '2020-03-23T02:29:41-07:00',
      meetingConsentPageUrl: 'https://join.gong.io/acme-widgets/gordon.willsmith?tkn=RVH9sbRtabaWP8oHTXIkTw',
    });
    expect(users[11]!.gong).toMatchObject({
      id: '713552357506045',
      managerId: users[10]!.id,
      title: 'Account Manager',
      settings: { telephonyCallsImported: false, emailsImported: false, nonRecordedMeetingsImported: true },
    });
    expect(users[10]!.gong.managerId).toBe(users[0]!.id);
    for (const user of users) {
      const manager = user.index % 10 === 0;
      expect(
        ['Sales Manager', 'Director of Sales', 'VP of Sales', 'Customer Success Lead'].includes(user.gong.title ?? ''),
      ).toBe(manager);
      expect(user.gong.managerId).toBe(
        user.index === 0 ? null : manager ? users[0]!.id : users[user.index - (user.index % 10)]!.id,
      );
    }
  });

  it('about one in fifteen has left (their calls end), about one in five speaks another language first', () => {
    const users = usersOf();
    expect(users.filter((user) => !user.gong.active).length).toBe(22);
    expect(users.filter((user) => user.endDay !== Infinity).length).toBe(22);
    expect(users.filter((user) => user.gong.spokenLanguages?.[0]?.language !== 'en-US').length).toBe(49);
    const left = users[6]!;
    expect([left.gong.active, left.firstDay, left.endDay]).toEqual([false, 18189, 19020]);
  });
});

describe('stated users', () => {
  const ID = '5c2e8f1a-0d3b-4c7e-9a15-6b2f4e8d1c90';
  const statedUsers = () => {
    const world = createWorld({
      document: {
        seed: 3,
        accounts: [
          {
            id: ID,
            domain: 'test-co.example',
            timeZone: 'UTC',
            generatedUsers: 2,
            users: [
              {
                id: '70',
                firstName: 'Ada',
                lastName: 'Lovelace',
                email: 'ADA.LOVELACE@test-co.example',
                title: 'Analyst',
                active: false,
                profile: 'strong',
                days: { '2026-10-05': { calls: 2, patience: 0.4 }, '2026-10-06': { calls: 0 } },
              },
              { firstName: '李', lastName: '王', managerId: '70' },
            ],
          },
        ],
      },
    });
    return world.account(ID)!.users();
  };

  it('keep what they state; the rest is drawn as for anyone at their place', () => {
    const [ada, li, first, second] = statedUsers();
    expect(ada!.gong).toMatchObject({
      id: '70',
      firstName: 'Ada',
      lastName: 'Lovelace',
      emailAddress: 'ADA.LOVELACE@test-co.example',
      trustedEmailAddress: 'ADA.LOVELACE@test-co.example',
      title: 'Analyst',
      active: false,
      managerId: null,
    });
    expect(ada!.profile.skill).toBe(0.8);
    expect(li!.gong).toMatchObject({ firstName: '李', lastName: '王', managerId: '70', active: true });
    // No letter of a-z in the name: the address's local part is `user`.
    expect(li!.emailAddress).toBe('user@test-co.example');
    expect(li!.gong.meetingConsentPageUrl).toMatch(/^https:\/\/join\.gong\.io\/test-co\/user\?tkn=[A-Za-z0-9]{22}$/);
    expect([first!.index, second!.index]).toEqual([2, 3]);
  });

  it('an address never starts or ends with a dot, nor has two in a row, whatever the names', () => {
    const odd = createWorld({
      document: {
        accounts: [
          {
            id: ID,
            domain: 'x.example',
            users: [
              { firstName: '李', lastName: 'Smith' },
              { firstName: 'Ann', lastName: '王' },
              { firstName: 'J.', lastName: '.R' },
              { firstName: "O'Brien", lastName: 'Doe-Ray' },
            ],
          },
        ],
      },
    });
    expect(
      odd
        .account(ID)!
        .users()
        .map((user) => user.emailAddress),
    ).toEqual(['smith@x.example', 'ann@x.example', 'j.r@x.example', 'obrien.doeray@x.example']);
  });

  it('pin their days, every stat settled; a day without calls is all zeros; the span covers them', () => {
    const [ada, li, first] = statedUsers();
    const pinned = ada!.pinned!;
    const oct5 = parseIsoDate('2026-10-05')!;
    expect([pinned.first, pinned.end]).toEqual([oct5, oct5 + 2]);
    expect(pinned.days.get(oct5 + 1)).toEqual({
      calls: 0,
      longestMonologue: 0,
      longestCustomerStory: 0,
      interactivity: 0,
      patience: 0,
      questionRate: 0,
      talkRatio: 0,
    });
    const day = pinned.days.get(oct5)!;
    expect(day.calls).toBe(2);
    expect(day.patience).toBe(40);
    expect(day.longestMonologue).toBeGreaterThan(0);
    expect(li!.pinned).toBeUndefined();
    expect(first!.pinned).toBeUndefined();
  });

  it('a stated name is not drawn: the record draws on from the user’s seed, the same every time', () => {
    const document = {
      seed: 3,
      accounts: [
        {
          id: ID,
          domain: 'test-co.example',
          users: [{ firstName: 'Ada', lastName: 'Lovelace' }, { firstName: 'Ada' }],
        },
      ],
    };
    const [both, firstOnly] = createWorld({ document }).account(ID)!.users();
    expect(both!.gong).toMatchObject({
      emailAddress: 'ada.lovelace@test-co.example',
      title: 'Customer Success Lead',
      phoneNumber: '+1 (576) 843-6952',
      meetingConsentPageUrl: 'https://join.gong.io/test-co/ada.lovelace?tkn=qs4Vh5ZDSiGpnBx6uKNCl1',
    });
    // Only the first name stated: the last name is the first draw of the user's own seed.
    expect(firstOnly!.gong).toMatchObject({
      emailAddress: 'ada.botsford@test-co.example',
      lastName: 'Botsford',
      title: 'Sales Development Representative',
      phoneNumber: '+1 (977) 858-8782',
      meetingConsentPageUrl: 'https://join.gong.io/test-co/ada.botsford?tkn=Q8MiiBWK7bsgVAs4JSQBxh',
    });
  });

  it('people of the same name get the address, then 2, then 3', () => {
    const ann = { firstName: 'Ann', lastName: 'Lee' };
    const world = createWorld({ document: { accounts: [{ id: ID, domain: 'x.example', users: [ann, ann, ann] }] } });
    expect(
      world
        .account(ID)!
        .users()
        .map((user) => user.emailAddress),
    ).toEqual(['ann.lee@x.example', 'ann.lee2@x.example', 'ann.lee3@x.example']);
  });

  it('a generated user whose address a stated one took, in any case, gets a number', () => {
    const document = (users: object[], generatedUsers: number) => ({
      seed: 3,
      accounts: [{ id: ID, domain: 'test-co.example', generatedUsers, users }],
    });
    // The generated user at place 1 is Arely Rau, whether place 0 is stated or generated.
    const alone = createWorld({ document: document([], 2) })
      .account(ID)!
      .users();
    expect(alone[1]!.emailAddress).toBe('arely.rau@test-co.example');
    const stated = { firstName: 'X', lastName: 'Y', email: 'ARELY.RAU@TEST-CO.EXAMPLE' };
    const taken = createWorld({ document: document([stated], 1) })
      .account(ID)!
      .users();
    expect(taken.map((user) => user.emailAddress)).toEqual(['ARELY.RAU@TEST-CO.EXAMPLE', 'arely.rau2@test-co.example']);
  });

  it('pinned days in any order span from the earliest to the day after the latest', () => {
    const days = { '2026-10-05': { calls: 1 }, '2026-10-07': { calls: 2 }, '2026-10-06': { calls: 0 } };
    const world = createWorld({ document: { accounts: [{ id: ID, users: [{ id: '1', days }] }] } });
    const { pinned } = world.account(ID)!.users()[0]!;
    const oct5 = parseIsoDate('2026-10-05')!;
    expect([pinned!.first, pinned!.end]).toEqual([oct5, oct5 + 3]);
    expect([...pinned!.days.keys()]).toEqual([oct5, oct5 + 2, oct5 + 1]);
  });

  it('a stated user without a manager has none, wherever they stand', () => {
    const world = createWorld({ document: { accounts: [{ id: ID, users: [{ id: '1' }, { id: '2' }] }] } });
    expect(
      world
        .account(ID)!
        .users()
        .map((user) => user.gong.managerId),
    ).toEqual([null, null]);
  });

  it('a user is a plain record: every field enumerable, `pinned` only when some day is', () => {
    const [ada, li] = statedUsers();
    const fields = ['index', 'key', 'id', 'emailAddress', 'firstDay', 'endDay', 'profile'];
    expect(Object.keys(ada!)).toEqual([...fields, 'pinned', 'gong']);
    expect(Object.keys(li!)).toEqual([...fields, 'gong']);
    expect({ ...li! }.emailAddress).toBe('user@test-co.example');
  });

  it('a generated user whose address a stated one took gets a number', () => {
    const taken = createWorld({
      document: {
        seed: 42,
        accounts: [
          {
            id: ID,
            domain: 'acme-widgets.com',
            generatedUsers: 1,
            users: [{ firstName: 'X', lastName: 'Y', email: 'ELIZA.HERMISTON@acme-widgets.com' }],
          },
        ],
      },
    });
    const generated = taken.account(ID)!.users();
    expect(generated[0]!.emailAddress).toBe('ELIZA.HERMISTON@acme-widgets.com');
    expect(generated[1]!.emailAddress).toMatch(/^[a-z.]+@acme-widgets\.com$/);
  });
});
