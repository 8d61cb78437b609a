/**
 * The scenario a request asks for: `Prefer: scenario=<name>` (Prism's convention for
 * per-request control) or, for clients that cannot set headers, `__scenario=<name>`. An empty
 * name, either way, is no scenario. A scenario's parameters follow it as the header's own do:
 * `Prefer: scenario=slow-body; duration=2000`, `__scenario=slow-body;duration=2000`.
 */
import { readPreferencesWithParameters, type Preference } from './prefer-header.js';
import { readDuration } from './wire-fault.js';
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from '../scenarios.js';

/** The query parameter equivalent of `Prefer: scenario=`. */
export const SCENARIO_PARAMETER = '__scenario';

/**
 * Longest `Prefer` header read. A real one is a few preferences long; the bound keeps a
 * hostile one from costing more than a normal request even though the reader is linear.
 */
export const MAX_PREFER_LENGTH = 4096;

function fromPrefer(header: string | undefined): Preference | undefined | { problem: string } {
  if (header === undefined) return undefined;
  if (header.length > MAX_PREFER_LENGTH)
    return { problem: `Prefer: the header is longer than ${MAX_PREFER_LENGTH} characters` };
  const preference = readPreferencesWithParameters(header).get('scenario');
  // An empty `scenario=` (or a bare `scenario`) is absent, as an empty `__scenario=` is.
  return preference?.value === '' ? undefined : preference;
}

/** `__scenario`'s value: the name, then its parameters as the Prefer header writes them. */
function queryPreference(value: string | undefined): Preference | undefined {
  if (value === undefined) return undefined;
  const semicolon = value.indexOf(';');
  if (semicolon === -1) return { value, parameters: new Map() };
  const parameters = readPreferencesWithParameters(`s${value.slice(semicolon)}`).get('s')?.parameters ?? new Map();
  return { value: value.slice(0, semicolon).trim(), parameters };
}

function fromQuery(rawQuery: string): string | undefined {
  // Names are compared as sent, never decoded, so a query without the name's text has none:
  // most have none, and splitting each one cost every request its pieces.
  if (!rawQuery.includes(SCENARIO_PARAMETER)) return undefined;
  for (const pair of rawQuery.split('&')) {
    const eq = pair.indexOf('=');
    if ((eq === -1 ? pair : pair.slice(0, eq)) !== SCENARIO_PARAMETER) continue;
    // An empty `__scenario=` is absent, as every empty optional query parameter is.
    if (eq === -1 || eq === pair.length - 1) return undefined;
    try {
      return decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return pair.slice(eq + 1);
    }
  }
  return undefined;
}

/**
 * A scenario asked for, with its `duration` parameter (ms) when given.
 *
 * @example
 * ```ts
 * const asked: AskedScenario = { scenario: 'slow-body', durationMs: 2000 };
 * ```
 */
export interface AskedScenario {
  scenario: ScenarioName | undefined;
  durationMs?: number | undefined;
}

/**
 * The requested scenario, none, or a sentence saying the name (or its `duration`) is wrong.
 * `known` is the list the caller's side offers (the Gong routes offer only Gong-level and wire
 * scenarios); the default is every scenario.
 *
 * @example
 * requestedScenario('scenario=slow-body; duration=2000', ''); // { scenario: 'slow-body', durationMs: 2000 }
 */
export function requestedScenario(
  preferHeader: string | undefined,
  rawQuery: string,
  known: readonly ScenarioName[] = SCENARIO_NAMES,
): AskedScenario | { problem: string } {
  const preferred = fromPrefer(preferHeader);
  if (preferred !== undefined && 'problem' in preferred) return preferred;
  const preference = preferred ?? queryPreference(fromQuery(rawQuery));
  if (preference === undefined || preference.value === '') return { scenario: undefined };
  const name = preference.value;
  if (!isScenarioName(name))
    return {
      problem: `scenario: unknown scenario ${JSON.stringify(name.slice(0, 60))}; known: ${known.join(', ')}`,
    };
  const duration = readDuration(preference.parameters.get('duration'));
  if ('problem' in duration) return { problem: `scenario ${name}: ${duration.problem}` };
  return duration.durationMs === undefined ? { scenario: name } : { scenario: name, durationMs: duration.durationMs };
}

/**
 * The scenario a request that asked for none gets anyway (a fault sequence, `--fault-rate`'s
 * kinds, its account's wire behaviour), from those its route offers; asked only once the request
 * is known to be one of the API's (authenticated, its own scenario read).
 *
 * @example
 * const ambient: AmbientScenario = async () => ({ scenario: 'rate-limited' });
 */
export type AmbientScenario = (offered: readonly ScenarioName[]) => Promise<AskedScenario | undefined>;
