// The one Node API the meter uses (the `nodejs_als` compatibility flag), typed without all of @types/node.
declare module 'node:async_hooks' {
  export class AsyncLocalStorage<T> {
    getStore(): T | undefined;
    run<R>(store: T, callback: () => R): R;
  }
}
