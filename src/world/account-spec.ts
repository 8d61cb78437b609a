/** What an integrated account of the world is: one connected Gong company. */
export interface AccountSpec {
  /** The integrated account id (a UUID), as clients pass it in `integrated_account_id`. */
  id: string;
  /** The company's name. */
  name: string;
  /** The company's email domain, used for its users' addresses. */
  domain: string;
  /** The company's IANA time zone: Gong's days begin and end in it. */
  timeZone: string;
  /** How many Gong users the company has. */
  userCount: number;
}

/** The id of the account in the seed's examples: a healthy company with several pages of users. */
export const DEFAULT_ACCOUNT_ID = '62f44730-dd91-461e-bd6a-aedd9e0ad79d';

/** The embedded default world's accounts. */
export const DEFAULT_ACCOUNTS: readonly AccountSpec[] = [
  {
    id: DEFAULT_ACCOUNT_ID,
    name: 'Acme Widgets',
    domain: 'acme-widgets.com',
    timeZone: 'America/Los_Angeles',
    userCount: 260,
  },
  {
    id: '3b8e1f52-7c4d-4a9e-9f1b-2d6c8a5e0b17',
    name: 'Nordlicht Software',
    domain: 'nordlicht-software.de',
    timeZone: 'Europe/Berlin',
    userCount: 45,
  },
  {
    id: '9d2c6a18-5e3f-4b7a-8c1d-0f4e2b9a6c35',
    name: 'Saffron Analytics',
    domain: 'saffron-analytics.in',
    timeZone: 'Asia/Kolkata',
    userCount: 18,
  },
];
