/**
 * The faults a client can ask for, per request (`Prefer: scenario=<name>` or
 * `__scenario=<name>`) or get from an account that always behaves that way. Gong-level
 * faults happen inside the Gong API, so the unified endpoint reports them as remote errors
 * exactly as it would a real Gong failure; unified-level faults are the unified API's own;
 * wire-level faults break the connection itself (both APIs offer them), so what a client sees
 * is a socket error, not an HTTP answer.
 */

export interface Scenario {
  /**
   * Where the fault happens: in Gong (and so seen by both APIs), in the unified API only, or on
   * the wire (the connection of either API).
   */
  level: 'gong' | 'unified' | 'wire';
  /** What a client sees, for the README and the admin API. */
  description: string;
}

/**
 * Every scenario, by name: where it happens and what a client sees.
 *
 * @example
 * ```ts
 * SCENARIOS.looping.level; // 'gong'
 * ```
 */
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
    description: 'Gong returns the cursor it was given: unified stops there (next_cursor null, debug isLooping true)',
  },
  forbidden: { level: 'unified', description: 'The API token lacks the scope: unified 403' },
  'account-blocked': { level: 'unified', description: 'The integrated account is blocked: unified 503' },
  'remote-timeout': {
    level: 'unified',
    description: 'Gong did not answer in time: unified 504 with truto_is_remote_error',
  },
  'internal-error': { level: 'unified', description: 'The unified API fails: unified 500' },
  'connection-reset': {
    level: 'wire',
    description: 'The connection is reset (TCP RST) after the headers and part of the body',
  },
  'empty-response': { level: 'wire', description: 'The connection closes with no bytes at all' },
  'truncated-body': {
    level: 'wire',
    description:
      'Fewer bytes than Content-Length says, then the connection closes (a stream: cut off without its last chunk)',
  },
  'malformed-body': {
    level: 'wire',
    description: "200 with content-type application/json and a body that is not JSON (a proxy's HTML page)",
  },
  'slow-body': {
    level: 'wire',
    description: 'The real answer, its body dribbled in 10 pieces over `duration` ms (default 5000)',
  },
  'no-response': {
    level: 'wire',
    description:
      'Headers never come: the connection is held until the client gives up or `duration` ms pass (default 60000), then closed',
  },
} as const satisfies Record<string, Scenario>;

/**
 * A scenario's name, as `Prefer: scenario=<name>` or `__scenario=<name>` spells it.
 *
 * @example
 * ```ts
 * const name: ScenarioName = 'remote-error';
 * ```
 */
export type ScenarioName = keyof typeof SCENARIOS;

/** Whether `name` is a scenario. */
export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(SCENARIOS, name);
}

/**
 * Every scenario's name, Gong-level ones first, in the order of SCENARIOS.
 *
 * @example
 * ```ts
 * SCENARIO_NAMES.includes('looping'); // true
 * ```
 */
export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

/** The scenarios of one level, in the order of SCENARIOS. */
function scenariosAt(level: Scenario['level']): ScenarioName[] {
  return SCENARIO_NAMES.filter((name) => SCENARIOS[name].level === level);
}

/**
 * Faults of the connection itself (`connection-reset`, ...): both APIs offer them.
 *
 * @example
 * ```ts
 * WIRE_SCENARIO_NAMES.includes('no-response'); // true
 * ```
 */
export const WIRE_SCENARIO_NAMES: readonly ScenarioName[] = scenariosAt('wire');

/**
 * What the Gong routes offer: the faults that happen inside Gong and those of the wire (the
 * spec's Gong `__scenario` enum is this list). The unified endpoint offers every scenario.
 */
export const GONG_SCENARIO_NAMES: readonly ScenarioName[] = [...scenariosAt('gong'), ...WIRE_SCENARIO_NAMES];

/** Faults only the unified API has (`forbidden`, ...); the Gong routes refuse them. */
export const UNIFIED_ONLY_SCENARIO_NAMES: readonly ScenarioName[] = scenariosAt('unified');
