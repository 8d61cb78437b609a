/**
 * `/__admin/faults`: fault sequences over HTTP. `POST` keeps one (`{ scenario, times, after?,
 * account?, path?, duration? }`, 201 with the sequence), `GET` lists them with what is left,
 * `DELETE` forgets them all.
 */
import { readFaultSequenceSpec, type FaultSequences } from '../faults/fault-sequences.js';
import { jsonAnswer, type BareAnswer } from './bare-answer.js';
import type { EngineRequest } from './engine-request.js';
import { readGongJson } from './gong-body.js';

function refused(status: number, problems: string[]): BareAnswer {
  const error = status === 413 ? 'Payload Too Large' : 'Bad Request';
  return jsonAnswer(status, {}, { statusCode: status, error, message: `fault sequence: ${problems.join('; ')}` });
}

/**
 * Answers `request` on `/__admin/faults` (GET, HEAD, POST, DELETE; the caller answers the rest).
 *
 * @example
 * await answerAdminFaults(engine.faults, { method: 'GET', url: '/__admin/faults', headers: {} });
 */
export async function answerAdminFaults(faults: FaultSequences, request: EngineRequest): Promise<BareAnswer> {
  if (request.method === 'DELETE') return jsonAnswer(200, {}, { cleared: await faults.clear() });
  if (request.method !== 'POST') return jsonAnswer(200, {}, { faults: await faults.list() });
  const body = await readGongJson(request);
  if ('error' in body) return refused(body.status, [body.error]);
  const read = readFaultSequenceSpec(body.value);
  if ('problems' in read) return refused(400, read.problems);
  return jsonAnswer(201, {}, await faults.add(read.spec));
}
