/**
 * One Vitest config, one project per runtime:
 * - `unit`:   shared core and tools, in Node;
 * - `widget`: the Preact form, in a DOM (happy-dom);
 * - `worker`: the Worker, inside workerd via @cloudflare/vitest-plugin.
 */
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'widget',
          environment: 'happy-dom',
          include: ['test/widget/**/*.test.{ts,tsx}'],
        },
      },
      {
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              // Every fetch() leaving the runner (test code and the Worker under test share it)
              // goes to the capture worker instead of the internet; tests inspect and steer it
              // through the CAPTURE binding. See test/worker/capture-worker.js.
              outboundService: 'capture',
              serviceBindings: { CAPTURE: 'capture' },
              workers: [
                {
                  name: 'capture',
                  modules: true,
                  scriptPath: './test/worker/capture-worker.js',
                  compatibilityDate: '2026-11-01',
                },
              ],
            },
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
        },
      },
    ],
  },
});
