/**
 * Bindings only the worker tests have (vitest.config.ts adds them; wrangler.toml does not).
 */
declare namespace Cloudflare {
  interface Env {
    /** The capture worker's control API: `http://capture.control/requests`, `/fail`, `/reset`. */
    CAPTURE: Fetcher;
  }
}
