/**
 * One autocannon measurement, summarized the same way for every target so they compare.
 */
import autocannon from 'autocannon';

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** Requests answered, the 2 s warm-up included (to divide a target's CPU time by). */
  served: number;
}

export interface MeasureOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  /** One fixed path, or a function giving a new path for every request. */
  path: string | (() => string);
}

/** Warms the target up for 2 s, then measures it for `duration` seconds. */
export async function measure(name: string, options: MeasureOptions): Promise<Measurement> {
  const { url, connections, duration, headers = {}, path } = options;
  const requests =
    typeof path === 'string'
      ? [{ method: 'GET' as const, path, headers }]
      : [{ method: 'GET' as const, headers, setupRequest: (req: autocannon.Request) => ({ ...req, path: path() }) }];
  const warm = await autocannon({ url, connections, duration: 2, requests });
  const result = await autocannon({ url, connections, duration, requests });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    served: warm.requests.total + result.requests.total,
  };
}
