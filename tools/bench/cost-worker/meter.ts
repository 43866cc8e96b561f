/**
 * The meter of `npm run bench:cost`: counts what the platform bills, from inside an instrumented
 * copy of the Worker, without changing what the Worker does. Durable Object classes are
 * subclassed (`metered`): every RPC method call and alarm is a request; every SQL statement's
 * cursor is kept and its `rowsRead`/`rowsWritten` read when the tally is asked for; key-value
 * storage calls and `setAlarm` are counted as the pricing page bills them (a key read or written
 * is a row; each `setAlarm` is a row written); the size of each object's database is noted after
 * each of its requests. Workers KV calls and Worker invocations are counted too.
 *
 * Sequential object round trips: every request and object call runs in a frame (an
 * AsyncLocalStorage store) holding the longest chain of object calls it has waited on so far; a
 * call started at chain length `a` that took a chain of `p` (itself plus its own calls) moves it
 * to `max(chain, a + p)`. Calls side by side count once; calls one after another add up. Calls
 * made after a frame answered (delivery runs, metrics sends) are counted as requests but are not
 * on its path.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** Counts per class (`LeadObject`, `RouterState`…). */
export interface Tally {
  invocations: number;
  requests: Record<string, number>;
  methods: Record<string, number>;
  rowsRead: Record<string, number>;
  rowsWritten: Record<string, number>;
  alarmsSet: Record<string, number>;
  kvReads: number;
  kvWrites: number;
  /** Bytes of each class's databases as last seen, summed. */
  bytes: Record<string, number>;
  objects: Record<string, number>;
  /** `class: SQL` → [statements run, rows read, rows written]. */
  statements: Record<string, [number, number, number]>;
  /** Sequential object round trips before the answer, per counted Worker request, in order. */
  paths: { path: string; trips: number }[];
}

interface Frame {
  chain: number;
  open: boolean;
}

const frames = new AsyncLocalStorage<Frame>();
/** Object id → ids of calls on their way to it (the callee takes the first). */
const incoming = new Map<string, number[]>();
/** Call id → the chain the callee took. */
const chains = new Map<number, number>();
let calls = 0;

let cursors: [string, SqlStorageCursor<Record<string, SqlStorageValue>>, string][] = [];
const sizes = new Map<string, [string, number]>();
const fresh = () => ({
  invocations: 0,
  requests: {},
  methods: {},
  rowsRead: {},
  rowsWritten: {},
  alarmsSet: {},
  kvReads: 0,
  kvWrites: 0,
  paths: [] as Tally['paths'],
});
let counts = fresh();

const add = (map: Record<string, number>, key: string, n = 1) => (map[key] = (map[key] ?? 0) + n);

/** The tally since the last reset (sizes: every object ever seen). */
export function tally(): Tally {
  const rowsRead: Record<string, number> = { ...counts.rowsRead };
  const rowsWritten: Record<string, number> = { ...counts.rowsWritten };
  const statements: Record<string, [number, number, number]> = {};
  for (const [cls, cursor, query] of cursors) {
    // Miniflare's own table of object names exists only under wrangler dev: not the platform's bill.
    if (query.includes('__miniflare')) continue;
    add(rowsRead, cls, cursor.rowsRead);
    add(rowsWritten, cls, cursor.rowsWritten);
    const seen = (statements[`${cls}: ${query.slice(0, 90)}`] ??= [0, 0, 0]);
    seen[0] += 1;
    seen[1] += cursor.rowsRead;
    seen[2] += cursor.rowsWritten;
  }
  const bytes: Record<string, number> = {};
  const objects: Record<string, number> = {};
  for (const [cls, size] of sizes.values()) {
    add(bytes, cls, size);
    add(objects, cls);
  }
  return { ...counts, rowsRead, rowsWritten, bytes, objects, statements };
}

/** Starts counting afresh. */
export function reset(): void {
  counts = fresh();
  cursors = [];
}

/** Counts a Worker invocation and runs it in a frame; records its round trips under `path`. */
export async function invocation(path: string, run: () => Promise<Response>): Promise<Response> {
  counts.invocations += 1;
  const frame: Frame = { chain: 0, open: true };
  try {
    return await frames.run(frame, run);
  } finally {
    frame.open = false;
    counts.paths.push({ path, trips: frame.chain });
  }
}

/** An env whose Durable Object namespaces and KV namespaces count what goes through them. */
export function meteredEnv<E extends object>(env: E): E {
  const wrapped: Record<string, unknown> = {};
  for (const [name, binding] of Object.entries(env)) {
    if (binding && typeof binding === 'object' && 'idFromName' in binding) wrapped[name] = meteredNamespace(binding as DurableObjectNamespace);
    else if (binding && typeof binding === 'object' && 'getWithMetadata' in binding) wrapped[name] = meteredKv(binding as KVNamespace);
    else wrapped[name] = binding;
  }
  return wrapped as E;
}

function bound(target: object, key: string | symbol): unknown {
  const value = Reflect.get(target, key);
  return typeof value === 'function' ? value.bind(target) : value;
}

function meteredNamespace(ns: DurableObjectNamespace): DurableObjectNamespace {
  return new Proxy(ns, {
    get: (t, key) =>
      key === 'get' || key === 'getByName' ? (...a: unknown[]) => meteredStub((t[key] as (...x: unknown[]) => DurableObjectStub)(...a)) : bound(t, key),
  });
}

function meteredStub(stub: DurableObjectStub): DurableObjectStub {
  const target = stub.id.toString();
  return new Proxy(stub, {
    get(t, key) {
      if (typeof key === 'symbol' || key === 'id' || key === 'name' || key === 'then') return Reflect.get(t, key);
      return async (...args: unknown[]) => {
        const frame = frames.getStore();
        const start = frame?.chain ?? 0;
        const id = ++calls;
        incoming.set(target, [...(incoming.get(target) ?? []), id]);
        try {
          return await (t as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[key]!(...args);
        } finally {
          const took = chains.get(id) ?? 1;
          chains.delete(id);
          if (frame?.open) frame.chain = Math.max(frame.chain, start + took);
        }
      };
    },
  });
}

function meteredKv(kv: KVNamespace): KVNamespace {
  return new Proxy(kv, {
    get(t, key) {
      const value = bound(t, key);
      if (typeof value !== 'function') return value;
      if (key === 'get' || key === 'getWithMetadata' || key === 'list')
        return (...a: unknown[]) => ((counts.kvReads += 1), (value as (...x: unknown[]) => unknown)(...a));
      if (key === 'put' || key === 'delete') return (...a: unknown[]) => ((counts.kvWrites += 1), (value as (...x: unknown[]) => unknown)(...a));
      return value;
    },
  });
}

/**
 * Makes `ctx`'s storage count rows (SQL cursors, key-value calls, alarms) for class `cls`. The
 * runtime's base class accepts only the real ctx, so its storage objects are patched in place.
 */
function meterStorage(ctx: DurableObjectState, cls: string): void {
  const sql = ctx.storage.sql;
  const exec = sql.exec.bind(sql);
  Object.defineProperty(sql, 'exec', {
    value: (...a: Parameters<SqlStorage['exec']>) => {
      const cursor = exec(...a);
      cursors.push([cls, cursor, String(a[0])]);
      return cursor;
    },
  });
  const keys = (a: unknown) => (Array.isArray(a) ? a.length : typeof a === 'string' ? 1 : Object.keys(a as object).length);
  const storage = ctx.storage as unknown as Record<string, (...a: unknown[]) => unknown>;
  for (const key of ['get', 'put', 'delete', 'list', 'setAlarm', 'deleteAlarm']) {
    const original = storage[key]!.bind(storage);
    Object.defineProperty(storage, key, {
      value: (...a: unknown[]) => {
        if (key === 'get') add(counts.rowsRead, cls, keys(a[0]));
        if (key === 'put' || key === 'delete') add(counts.rowsWritten, cls, keys(a[0]));
        if (key === 'setAlarm') add(counts.alarmsSet, cls);
        // The pricing page: each setAlarm() is billed as one row written.
        if (key === 'setAlarm') add(counts.rowsWritten, cls);
        const result = original(...a);
        if (key === 'list') return (result as Promise<Map<string, unknown>>).then((m) => (add(counts.rowsRead, cls, Math.max(1, m.size)), m));
        return result;
      },
    });
  }
}

/** Bytes an object's database takes, less the page of Miniflare's own table of names (local only). */
function stored(ctx: DurableObjectState): number {
  const sql = ctx.storage.sql;
  const local = sql.exec<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = '__miniflare_do_name'").one().n;
  return sql.databaseSize - local * 4096;
}

type ObjectClass = new (ctx: DurableObjectState, env: never) => object;

/** A subclass of Durable Object class `Base` that meters its storage, its env and its requests. */
export function metered<T extends ObjectClass>(Base: T, cls: string): T {
  const Metered = class extends (Base as ObjectClass) {
    constructor(ctx: DurableObjectState, env: never) {
      meterStorage(ctx, cls);
      super(ctx, meteredEnv(env as object) as never);
      sizes.set(ctx.id.toString(), [cls, stored(ctx)]);
    }
  };
  for (const key of Object.getOwnPropertyNames(Base.prototype)) {
    const original = Object.getOwnPropertyDescriptor(Base.prototype, key)?.value as ((...a: unknown[]) => unknown) | undefined;
    if (key === 'constructor' || typeof original !== 'function') continue;
    Object.defineProperty(Metered.prototype, key, {
      configurable: true,
      writable: true,
      value(this: { ctx: DurableObjectState }, ...args: unknown[]) {
        const self = this.ctx.id.toString();
        const queue = incoming.get(self);
        const id = queue?.shift();
        if (queue?.length === 0) incoming.delete(self);
        // A call from the object itself (not through a stub) is no request.
        if (id === undefined && key !== 'alarm') return original.apply(this, args);
        add(counts.requests, cls);
        add(counts.methods, `${cls}.${key}`);
        const frame: Frame = { chain: 0, open: true };
        return (async () => {
          try {
            return await frames.run(frame, () => original.apply(this, args));
          } finally {
            frame.open = false;
            if (id !== undefined) chains.set(id, 1 + frame.chain);
            sizes.set(self, [cls, stored(this.ctx)]);
          }
        })();
      },
    });
  }
  return Metered as unknown as T;
}
