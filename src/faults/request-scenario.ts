/**
 * The scenario a request asks for: `Prefer: scenario=<name>` (Prism's convention for
 * per-request control) or, for clients that cannot set headers, `__scenario=<name>`.
 */
import { isScenarioName, SCENARIO_NAMES, type ScenarioName } from './scenarios.js';

/** The query parameter equivalent of `Prefer: scenario=`. */
export const SCENARIO_PARAMETER = '__scenario';

function fromPrefer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  for (const preference of header.split(/[,;]/)) {
    const match = /^\s*scenario\s*=\s*"?([^"\s]*)"?\s*$/i.exec(preference);
    if (match !== null) return match[1] ?? '';
  }
  return undefined;
}

function fromQuery(rawQuery: string): string | undefined {
  for (const pair of rawQuery.split('&')) {
    const eq = pair.indexOf('=');
    if ((eq === -1 ? pair : pair.slice(0, eq)) !== SCENARIO_PARAMETER) continue;
    try {
      return decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return pair.slice(eq + 1);
    }
  }
  return undefined;
}

/** The requested scenario, none, or a sentence saying the name is unknown. */
export function requestedScenario(
  preferHeader: string | undefined,
  rawQuery: string,
): { scenario: ScenarioName | undefined } | { problem: string } {
  const name = fromPrefer(preferHeader) ?? fromQuery(rawQuery);
  if (name === undefined) return { scenario: undefined };
  if (isScenarioName(name)) return { scenario: name };
  return {
    problem: `scenario: unknown scenario ${JSON.stringify(name.slice(0, 60))}; known: ${SCENARIO_NAMES.join(', ')}`,
  };
}
