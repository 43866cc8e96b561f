/** Provider settings from env vars: fully configured or absent, with the gaps named. */
import { PROVIDER_ENV } from './fixtures.ts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EMAIL_FROM, providerSettings } from '../../../worker/providers/settings.ts';

describe('providerSettings', () => {
  it('configures nothing, with no problems, from an empty env', () => {
    expect(providerSettings({})).toEqual({ crm: [], problems: [] });
  });

  it('reads every provider', () => {
    expect(
      providerSettings({
        EMAIL_PROVIDER: 'postmark',
        POSTMARK_SERVER_TOKEN: 'pm',
        POSTMARK_BASE_URL: 'http://localhost:8787',
        RESEND_API_KEY: 're',
        EMAIL_FROM: 'Acme <leads@acme.example>',
        ...PROVIDER_ENV,
      }),
    ).toEqual({
      email: { kind: 'postmark', serverToken: 'pm', from: 'Acme <leads@acme.example>', baseUrl: 'http://localhost:8787' },
      sms: { kind: 'twilio', accountSid: 'AC1', authToken: 'tok', from: '+14155550100' },
      slack: { kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
      crm: [
        { kind: 'hubspot', token: 'pat' },
        { kind: 'salesforce', instanceUrl: 'https://acme.my.salesforce.com', accessToken: 'sf' },
        { kind: 'webhook', url: 'https://crm.example.com/hook', secret: 'whsec' },
      ],
      problems: [],
    });
  });

  it('infers the email provider from the key present, Resend when both are', () => {
    expect(providerSettings({ POSTMARK_SERVER_TOKEN: 'pm' }).email).toEqual({ kind: 'postmark', serverToken: 'pm', from: DEFAULT_EMAIL_FROM });
    expect(providerSettings({ RESEND_API_KEY: 're', POSTMARK_SERVER_TOKEN: 'pm' }).email).toEqual({
      kind: 'resend',
      apiKey: 're',
      from: DEFAULT_EMAIL_FROM,
    });
  });

  it('reports half-configured providers by the missing variable and leaves them out', () => {
    const settings = providerSettings({
      TWILIO_ACCOUNT_SID: 'AC1',
      SALESFORCE_ACCESS_TOKEN: 'sf',
      CRM_WEBHOOK_URL: 'https://crm.example.com/hook',
      HUBSPOT_BASE_URL: 'https://hubspot.test',
    });
    expect(settings.sms).toBeUndefined();
    expect(settings.crm).toEqual([]);
    expect(settings.problems).toEqual([
      'Twilio is partly configured: TWILIO_AUTH_TOKEN, TWILIO_FROM are not set',
      'HubSpot is partly configured: HUBSPOT_TOKEN is not set',
      'Salesforce is partly configured: SALESFORCE_INSTANCE_URL is not set',
      'CRM webhook is partly configured: CRM_WEBHOOK_SECRET is not set',
    ]);
  });

  it('reports a chosen email provider without its key, an unknown one, and malformed URLs', () => {
    expect(providerSettings({ EMAIL_PROVIDER: 'resend', POSTMARK_SERVER_TOKEN: 'pm' })).toEqual({
      crm: [],
      problems: ['Resend is partly configured: RESEND_API_KEY is not set'],
    });
    expect(providerSettings({ EMAIL_PROVIDER: 'sendgrid' }).problems).toEqual(['EMAIL_PROVIDER must be "resend" or "postmark"']);
    const bad = providerSettings({ SLACK_WEBHOOK_URL: 'hooks.slack.com/services/x', HUBSPOT_TOKEN: 'pat', HUBSPOT_BASE_URL: 'ftp://x' });
    expect(bad.slack).toBeUndefined();
    expect(bad.crm).toEqual([]);
    expect(bad.problems).toEqual(['Slack: SLACK_WEBHOOK_URL is not an http(s) URL', 'HubSpot: HUBSPOT_BASE_URL is not an http(s) URL']);
  });

  it('treats blank values as unset and never puts a value in a problem', () => {
    const settings = providerSettings({ RESEND_API_KEY: '  ', TWILIO_AUTH_TOKEN: 'super-secret-token' });
    expect(settings.email).toBeUndefined();
    expect(settings.problems.join(' ')).not.toContain('super-secret-token');
  });
});
