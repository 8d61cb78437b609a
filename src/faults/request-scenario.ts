/**
 * The scenario a request asks for: `Prefer: scenario=<name>` (Prism's convention for
 * per-request control) or, for clients that cannot set headers, `__scenario=<name>`. An empty
 * name, either way, is no scenario.
 */
import { readPreferences } from './prefer-header.js';
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from '../scenarios.js';

/** The query parameter equivalent of `Prefer: scenario=`. */
export const SCENARIO_PARAMETER = '__scenario';

/**
 * Longest `Prefer` header read. A real one is a few preferences long; the bound keeps a
 * hostile one from costing more than a normal request even though the reader is linear.
 */
export const MAX_PREFER_LENGTH = 4096;

function fromPrefer(header: string | undefined): string | undefined | { problem: string } {
  if (header === undefined) return undefined;
  if (header.length > MAX_PREFER_LENGTH)
    return { problem: `Prefer: the header is longer than ${MAX_PREFER_LENGTH} characters` };
  const name = readPreferences(header).get('scenario');
  // An empty `scenario=` (or a bare `scenario`) is absent, as an empty `__scenario=` is.
  return name === '' ? undefined : name;
}

function fromQuery(rawQuery: string): string | undefined {
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
 * The requested scenario, none, or a sentence saying the name is unknown. `known` is the list
 * the caller's side offers (the Gong routes offer only Gong-level scenarios); the default is
 * every scenario.
 */
export function requestedScenario(
  preferHeader: string | undefined,
  rawQuery: string,
  known: readonly ScenarioName[] = SCENARIO_NAMES,
): { scenario: ScenarioName | undefined } | { problem: string } {
  const preferred = fromPrefer(preferHeader);
  if (typeof preferred === 'object') return preferred;
  const name = preferred ?? fromQuery(rawQuery);
  if (name === undefined) return { scenario: undefined };
  if (isScenarioName(name)) return { scenario: name };
  return {
    problem: `scenario: unknown scenario ${JSON.stringify(name.slice(0, 60))}; known: ${known.join(', ')}`,
  };
}
