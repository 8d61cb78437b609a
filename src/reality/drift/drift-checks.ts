/**
 * The drift report, as checks beside the conformance suite's: fields the recording shows that
 * the contract does not document, statuses outside the contract, where the mock's answer to the
 * same request differs in shape (not values) from the recorded one, and, as a note that fails
 * nothing, fields the contract documents that the recording never shows.
 */
import type { CheckResult } from '../../conformance/check-result.js';
import type { Contract } from '../../contract/contract.js';
import type { RecordedExchange, Recording } from '../../replay/recording.js';
import { placeBody } from './body-records.js';
import { documentedFields, isDocumented } from './documented-fields.js';
import { shapeOf, type JsonShape } from './json-shape.js';
import { mockShapeDifferences, type MockAnswerer } from './mock-shapes.js';

/** Lines a drift check lists before it says how many more there are. */
const MAX_LINES = 50;

function check(id: string, title: string, messages: string[], fails: boolean, started: number): CheckResult {
  const shown =
    messages.length > MAX_LINES
      ? [...messages.slice(0, MAX_LINES), `… and ${messages.length - MAX_LINES} more`]
      : messages;
  return {
    id,
    title,
    kind: 'drift',
    status: fails && messages.length > 0 ? 'fail' : 'pass',
    diagnostics: [],
    messages: shown,
    requests: [],
    durationMs: Math.round(performance.now() - started),
  };
}

const label = (exchange: RecordedExchange) => `${exchange.fixture.request.method} ${exchange.fixture.request.url}`;

/** Observed shapes per format, and the first request each path was seen in. */
function observedByFormat(contract: Contract, recording: Recording) {
  const formats = new Map<string, { schema: string; shape: JsonShape; firstSeen: Map<string, string> }>();
  for (const exchange of recording.exchanges) {
    const placed = placeBody(contract, exchange);
    if (placed === undefined) continue;
    const entry = formats.get(placed.format) ?? { schema: placed.schema, shape: new Map(), firstSeen: new Map() };
    formats.set(placed.format, entry);
    for (const value of placed.values) {
      for (const path of shapeOf(value).keys())
        if (!entry.firstSeen.has(path)) entry.firstSeen.set(path, label(exchange));
      shapeOf(value, entry.shape);
    }
  }
  return formats;
}

function statusesOutsideContract(contract: Contract, recording: Recording): string[] {
  const messages: string[] = [];
  for (const exchange of recording.exchanges) {
    const { method, url } = exchange.fixture.request;
    const status = exchange.fixture.response.status;
    const match = contract.findOperation(method, url);
    if (!('operation' in match)) {
      messages.push(`${label(exchange)}: no operation of the contract serves this request (${match.message})`);
      continue;
    }
    const documented = Object.keys(match.operation.responses ?? {});
    const range = `${String(status)[0]}XX`;
    if (!documented.includes(String(status)) && !documented.includes(range) && !documented.includes('default'))
      messages.push(
        `${label(exchange)} answered ${status}, a status the contract does not list (${documented.join(', ')})`,
      );
  }
  return messages;
}

/**
 * The drift checks of a recording.
 *
 * @example
 * const checks = await driftChecks(recording, contract, mockAnswerer(recording));
 */
export async function driftChecks(
  recording: Recording,
  contract: Contract,
  mock: MockAnswerer | undefined,
): Promise<CheckResult[]> {
  let started = performance.now();
  const formats = observedByFormat(contract, recording);
  const undocumented: string[] = [];
  const unseen: string[] = [];
  for (const [format, { schema, shape, firstSeen }] of formats) {
    const documented = documentedFields(contract.document, schema);
    for (const path of shape.keys()) {
      if (!isDocumented(documented, path))
        undocumented.push(`truto_response_format=${format}: ${path} (first in ${firstSeen.get(path)})`);
    }
    for (const path of [...documented.fields].sort()) {
      const parent = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
      if (!shape.has(path) && (parent === '' || shape.has(parent)))
        unseen.push(`truto_response_format=${format}: ${path}`);
    }
  }
  const checks = [
    check(
      'drift-undocumented-fields',
      'the recording shows no field the contract does not document',
      undocumented,
      true,
      started,
    ),
  ];
  started = performance.now();
  checks.push(
    check(
      'drift-statuses',
      'every recorded status is one the contract lists',
      statusesOutsideContract(contract, recording),
      true,
      started,
    ),
  );
  started = performance.now();
  checks.push(
    check(
      'drift-unseen-fields',
      'fields the contract documents that the recording never shows (a note: nothing fails)',
      unseen,
      false,
      started,
    ),
  );
  if (mock !== undefined) {
    started = performance.now();
    const differences = await mockShapeDifferences(recording, mock);
    checks.push(
      check(
        'drift-mock-shape',
        'the mock answers each recorded request in the recorded shape',
        differences,
        true,
        started,
      ),
    );
  }
  return checks;
}
