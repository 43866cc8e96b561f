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
              // Real providers, configured as in production; their hosts are the capture worker's.
              bindings: {
                ADMIN_TOKEN: 'test-admin-token',
                SIGNING_SECRET: 'test-signing-secret',
                PUBLIC_URL: 'https://router.test',
                OUTBOX_BASE_DELAY_MS: '20',
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
              },
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
