/**
 * One Vitest config, one project per runtime:
 * - `unit`:   shared core and tools, in Node;
 * - `widget`: the Preact form, in a DOM (happy-dom);
 * - `worker`: the Worker, inside workerd via @cloudflare/vitest-plugin;
 * - `e2e`:    Chromium (playwright-core) against `wrangler dev`.
 */
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { freeMailFromChunk } from './widget/vite.config.ts';

// The accounts index's schema, applied to the test D1 database by test/worker/apply-migrations.ts.
const d1Migrations = await readD1Migrations('./migrations');

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        // Production JSX (no `__source` props: form.tsx uses classic `h()`, which would render them).
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
        // The modules widget.js is built from: its validator asks the email chunk for free-mail domains.
        plugins: [freeMailFromChunk()],
        test: {
          name: 'widget',
          environment: 'happy-dom',
          // Script tags of the page under test point at widget.js: count them as loaded, not failed.
          environmentOptions: { happyDOM: { settings: { handleDisabledFileLoadingAsSuccess: true } } },
          include: ['test/widget/**/*.test.{ts,tsx}'],
          // Builds dist/public/ (widget.js, its chunks) when older than their sources: the tests run against them too.
          globalSetup: ['test/widget/global-setup.ts'],
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
              // Real providers, configured as in production; their hosts are the capture worker's.
              bindings: {
                ADMIN_TOKEN: 'test-admin-token',
                SIGNING_SECRET: 'test-signing-secret',
                PUBLIC_URL: 'https://router.test',
                OUTBOX_BASE_DELAY_MS: '20',
                // A provider that has not answered within this is a retry (tests hang one for seconds).
                PROVIDER_TIMEOUT_MS: '300',
                RESEND_API_KEY: 're_test_key',
                EMAIL_FROM: 'Northwind <leads@northwind.example>',
                TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
                TWILIO_AUTH_TOKEN: 'twilio-test-token',
                TWILIO_FROM: '+14155550000',
                SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T000/B000/XXXXXXXX',
                HUBSPOT_TOKEN: 'pat-test-token',
                SALESFORCE_INSTANCE_URL: 'https://northwind.my.salesforce.com',
                SALESFORCE_ACCESS_TOKEN: 'sf-test-token',
                CRM_WEBHOOK_URL: 'https://crm-hook.example/leads',
                CRM_WEBHOOK_SECRET: 'whsec_test',
                // Leads from other sources and enrichment (issue 11): the fakes are in crm-fake.js and enrichment-fake.js.
                HUBSPOT_CLIENT_SECRET: 'hubspot-client-secret-test',
                SALESFORCE_WEBHOOK_SECRET: 'sf-webhook-secret-test',
                SOURCE_WEBHOOK_SECRET: 'source-webhook-secret-test',
                ENRICHMENT_API_KEY: 'enrich-test-key',
                ENRICHMENT_URL: 'https://enrich.test/v1/enrich',
                TEST_MIGRATIONS: d1Migrations,
              },
              workers: [
                {
                  name: 'capture',
                  // The entry first; crm-fake.js answers the CRMs' read APIs for it.
                  modules: [
                    { type: 'ESModule', path: './test/worker/capture-worker.js' },
                    { type: 'ESModule', path: './test/worker/crm-fake.js' },
                    { type: 'ESModule', path: './test/worker/enrichment-fake.js' },
                  ],
                  compatibilityDate: '2026-11-01',
                },
              ],
            },
          }),
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          setupFiles: ['test/worker/apply-migrations.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          // One browser and one wrangler dev at a time: two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // A loaded machine answers in seconds, not the default second: polls wait longer.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
