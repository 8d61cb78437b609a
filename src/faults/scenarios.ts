/**
 * The faults a client can ask for, per request (`Prefer: scenario=<name>` or
 * `__scenario=<name>`) or get from an account that always behaves that way. Gong-level
 * faults happen inside the Gong API, so the unified endpoint reports them as remote errors
 * exactly as it would a real Gong failure; unified-level faults are the unified API's own.
 */

export interface Scenario {
  /** Where the fault happens: in Gong (and so seen by both APIs) or in the unified API only. */
  level: 'gong' | 'unified';
  /** What a client sees, for the README and the admin API. */
  description: string;
}

export const SCENARIOS = {
  'credentials-revoked': {
    level: 'gong',
    description: 'Gong rejects the credentials: Gong 401; unified 401 with truto_is_remote_error',
  },
  'rate-limited': {
    level: 'gong',
    description:
      'Gong is over its limit: Gong 429 with Retry-After; unified 429 with Retry-After and ratelimit-* headers',
  },
  'remote-error': {
    level: 'gong',
    description: 'Gong fails: Gong 500; unified 502 with truto_is_remote_error',
  },
  empty: {
    level: 'gong',
    description: 'Gong has no data: stats 404 "No stats found"; unified an empty page',
  },
  looping: {
    level: 'gong',
    description: 'Gong returns the cursor it was given: the walk never ends; debug reports isLooping',
  },
  forbidden: { level: 'unified', description: 'The API token lacks the scope: unified 403' },
  'account-blocked': { level: 'unified', description: 'The integrated account is blocked: unified 503' },
  'remote-timeout': {
    level: 'unified',
    description: 'Gong did not answer in time: unified 504 with truto_is_remote_error',
  },
  'internal-error': { level: 'unified', description: 'The unified API fails: unified 500' },
} as const satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof SCENARIOS;

/** Whether `name` is a scenario. */
export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];
