/**
 * Bindings only the worker tests have (vitest.config.ts adds them; wrangler.toml does not).
 */
declare namespace Cloudflare {
  interface Env {
    /** The capture worker's control API: `http://capture.control/requests`, `/fail`, `/reset`. */
    CAPTURE: Fetcher;
    /** migrations/, read by vitest.config.ts and applied to ACCOUNTS_DB before each test file. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
