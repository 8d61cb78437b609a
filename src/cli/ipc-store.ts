/**
 * `serve --workers N` with the memory store: the primary keeps the one memory store, and each
 * worker reaches it over the cluster's IPC channel, so N workers share one journal, one set of
 * rate-limit windows and fault sequences, exactly as N instances sharing a Redis do. The
 * primary runs each operation on its store as it arrives; the store's operations are each
 * atomic there, so the workers never lose an update.
 */
import type { Worker } from 'node:cluster';
import type { Store } from '../store/store.js';

const OPERATIONS = ['incr', 'count', 'append', 'list', 'listUse', 'clear'] as const;
type Operation = (typeof OPERATIONS)[number];

/** A worker's request to the primary's store. */
interface StoreCall {
  type: 'store-call';
  id: number;
  op: Operation;
  args: unknown[];
}

/** The primary's answer. */
interface StoreReply {
  type: 'store-reply';
  id: number;
  value?: unknown;
  error?: string;
}

const isCall = (message: unknown): message is StoreCall =>
  typeof message === 'object' && message !== null && (message as StoreCall).type === 'store-call';

/**
 * In the primary: answers `worker`'s store calls from `store`.
 *
 * @example
 * const store = createMemoryStore();
 * answerStoreCalls(cluster.fork(), store);
 */
export function answerStoreCalls(worker: Worker, store: Store): void {
  worker.on('message', (message: unknown) => {
    if (!isCall(message) || !OPERATIONS.includes(message.op)) return;
    const run = store[message.op] as (...args: unknown[]) => Promise<unknown>;
    run.apply(store, message.args).then(
      (value) => send(worker, { type: 'store-reply', id: message.id, value }),
      (error: unknown) => send(worker, { type: 'store-reply', id: message.id, error: String(error) }),
    );
  });
}

/**
 * Sends unless the worker has gone (its pending calls go with it). A worker may disconnect
 * while its answer is on the way: the callback takes that error, which would otherwise be an
 * 'error' event ending the primary.
 */
function send(worker: Worker, reply: StoreReply) {
  if (worker.isConnected()) worker.send(reply, () => undefined);
}

/**
 * In a worker: a store whose every operation is answered by the primary's store.
 *
 * @example
 * const store = createIpcStore(); // in a cluster worker
 * (await store.incr('calls:acme')).value; // counted across every worker
 */
export function createIpcStore(channel: NodeJS.Process = process): Store {
  let next = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  channel.on('message', (message: StoreReply) => {
    if (typeof message !== 'object' || message === null || message.type !== 'store-reply') return;
    const call = pending.get(message.id);
    if (call === undefined) return;
    pending.delete(message.id);
    if (message.error !== undefined) call.reject(new Error(`the primary's store failed: ${message.error}`));
    else call.resolve(message.value);
  });
  channel.once('disconnect', () => {
    for (const call of pending.values()) call.reject(new Error('the primary is gone'));
    pending.clear();
  });
  const call = <T>(op: Operation, ...args: unknown[]): Promise<T> =>
    new Promise((resolve, reject) => {
      if (channel.send === undefined || !channel.connected) return reject(new Error('the primary is gone'));
      const id = ++next;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      channel.send({ type: 'store-call', id, op, args } satisfies StoreCall, undefined, undefined, (error) => {
        if (error === null) return;
        pending.delete(id);
        reject(new Error(`the primary is gone: ${error.message}`));
      });
    });
  return {
    incr: (key, options) => call('incr', key, options ?? {}),
    count: (key) => call('count', key),
    append: (key, item, bounds) => call('append', key, item, bounds),
    list: (key) => call('list', key),
    listUse: (key) => call('listUse', key),
    clear: (key) => call('clear', key),
    health: () => ({ driver: 'primary', reachable: channel.connected, degraded: false }),
  };
}
