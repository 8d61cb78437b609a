/**
 * The memory driver of the store: one process's Maps. The default; what several instances
 * must share needs another driver.
 */
import type { Counter, ListUse, Store } from './store.js';

/**
 * Options of the memory store; all optional.
 *
 * @example
 * createMemoryStore({ clock: () => performance.now() });
 */
export interface MemoryStoreOptions {
  /** Monotonic clock in ms that counter windows are measured on. Default `performance.now`. */
  clock?: () => number;
}

interface Window {
  value: number;
  /** When the window ends (clock ms), or Infinity for a counter without one. */
  endsAt: number;
}

interface List {
  items: unknown[];
  weights: number[];
  weight: number;
}

/**
 * A store in this process's memory.
 *
 * @example
 * const store = createMemoryStore({ clock: () => 0 });
 * await store.incr('rate:acme', { windowMs: 1000 }); // { value: 1, resetMs: 1000 }
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const { clock = () => performance.now() } = options;
  const counters = new Map<string, Window>();
  const lists = new Map<string, List>();
  const listOf = (key: string): List => {
    let list = lists.get(key);
    if (list === undefined) lists.set(key, (list = { items: [], weights: [], weight: 0 }));
    return list;
  };
  return {
    // Items are the very objects appended, in this process: never copied or serialized.
    keepsReferences: true,
    incr(key, { windowMs } = {}) {
      const now = windowMs === undefined ? 0 : clock();
      let counter = counters.get(key);
      if (counter === undefined || counter.endsAt <= now) {
        counter = { value: 0, endsAt: windowMs === undefined ? Infinity : now + windowMs };
        counters.set(key, counter);
      }
      counter.value++;
      const result: Counter = {
        value: counter.value,
        resetMs: counter.endsAt === Infinity ? undefined : counter.endsAt - now,
      };
      return Promise.resolve(result);
    },
    count(key) {
      const counter = counters.get(key);
      const live = counter !== undefined && (counter.endsAt === Infinity || counter.endsAt > clock());
      return Promise.resolve(live ? counter.value : 0);
    },
    append(key, item, { maxItems, maxWeight = Infinity, weight = 1 }) {
      const list = listOf(key);
      if (maxItems > 0 && weight <= maxWeight) {
        list.items.push(item);
        list.weights.push(weight);
        list.weight += weight;
        while (list.items.length > maxItems || list.weight > maxWeight) {
          list.items.shift();
          list.weight -= list.weights.shift() as number;
        }
      }
      return Promise.resolve();
    },
    list: <T>(key: string) => Promise.resolve((lists.get(key)?.items ?? []) as readonly T[]),
    listUse(key) {
      const list = lists.get(key);
      const use: ListUse = { items: list?.items.length ?? 0, weight: list?.weight ?? 0 };
      return Promise.resolve(use);
    },
    clear(key) {
      const count = lists.get(key)?.items.length ?? 0;
      lists.delete(key);
      return Promise.resolve(count);
    },
    health: () => ({ driver: 'memory', reachable: true, degraded: false }),
  };
}
