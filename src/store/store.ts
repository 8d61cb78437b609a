/**
 * The engine's shared state behind one small interface: counters (per-account call counts,
 * rate-limit windows) and bounded lists (the request journal). Async, because the drivers
 * that let several instances agree (Redis) are; memory is the default driver. Every write is
 * one atomic operation (`incr`, `append`), never a read followed by a write, so instances
 * sharing a store never lose an update.
 */

/** A counter's value after an increment. */
export interface Counter {
  /** The value after this increment: 1 for the first. */
  value: number;
  /** Ms until the counter's window ends and it starts again from 0; undefined without a window. */
  resetMs: number | undefined;
}

/** Options of an increment. */
export interface IncrOptions {
  /**
   * Length of the counter's window in ms: the first increment starts it, and the counter is
   * gone once it ends (Redis `INCR` then `PEXPIRE ... NX`). Default: no window, counts forever.
   */
  windowMs?: number;
}

/** Bounds of a list: once past either, the oldest items go first. */
export interface ListBounds {
  /** Items kept at most. */
  maxItems: number;
  /** What the kept items may weigh together. Default: no bound but maxItems. */
  maxWeight?: number;
  /** What this item weighs. Default 1. An item heavier than maxWeight is not kept. */
  weight?: number;
}

/** How full a list is. */
export interface ListUse {
  items: number;
  weight: number;
}

/**
 * What a store says of itself in `/__admin/health`: which driver, where (never a password),
 * and whether it is serving what it was asked to (a shared store that cannot be reached is
 * `degraded`: state falls back to this process alone until it returns).
 *
 * @example
 * const health: StoreHealth = { driver: 'redis', url: 'redis://127.0.0.1:6379', reachable: false, degraded: true };
 */
export interface StoreHealth {
  /** `memory`, `redis`, or `primary` (a cluster worker reaching its primary's memory). */
  driver: string;
  /** Where the store is, without credentials; absent for memory. */
  url?: string;
  /** Whether the store answers now. */
  reachable: boolean;
  /** True while state is kept in this process alone because the shared store is out of reach. */
  degraded: boolean;
  /** Since when it is degraded (ISO 8601), while it is. */
  degradedSince?: string;
  /** Outages seen since the start (each one logged once). */
  outages?: number;
}

/**
 * Where the engine keeps what outlives a request.
 *
 * @example
 * const store = createMemoryStore();
 * (await store.incr('calls:acme')).value; // 1, then 2, ...
 * await store.append('journal', entry, { maxItems: 1000 });
 */
export interface Store {
  /** Adds one to a counter, atomically, and answers its new value. */
  incr(key: string, options?: IncrOptions): Promise<Counter>;
  /**
   * A counter's value (0 when it has none, or its window ended), for reports only: a decision
   * is taken on `incr`'s answer, never on a value read before a write.
   */
  count(key: string): Promise<number>;
  /** Appends an item to a bounded list, atomically (the oldest go once past its bounds). */
  append<T>(key: string, item: T, bounds: ListBounds): Promise<void>;
  /** The items of a list, oldest first. */
  list<T>(key: string): Promise<readonly T[]>;
  /** How many items a list holds and what they weigh. */
  listUse(key: string): Promise<ListUse>;
  /** Empties a list; answers how many items it held. */
  clear(key: string): Promise<number>;
  /**
   * True when the store keeps the very objects it is given (in this process, never serialized):
   * the journal may then keep an entry unfinished until it is read. Default false.
   */
  readonly keepsReferences?: boolean;
  /** What the store says of itself for the health answer. Default: a driver the engine cannot name. */
  health?(): StoreHealth;
  /** Lets go of connections, if any. */
  close?(): Promise<void>;
}
