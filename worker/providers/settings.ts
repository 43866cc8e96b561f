/**
 * Which providers are configured, read from env vars (all optional). A provider is either fully
 * configured or absent; a half-set one (or one with a malformed URL) is reported in `problems`,
 * naming the variable and never its value, so a typo in production shows up instead of leads
 * silently going to the dev outbox.
 */
import type { HubspotConfig } from './hubspot.ts';
import type { PostmarkConfig } from './postmark.ts';
import type { ResendConfig } from './resend.ts';
import type { SalesforceConfig } from './salesforce.ts';
import type { SlackConfig } from './slack.ts';
import type { TwilioConfig } from './twilio.ts';
import type { WebhookConfig } from './webhook.ts';

/** The email provider. */
export type EmailSettings = ({ kind: 'resend' } & ResendConfig) | ({ kind: 'postmark' } & PostmarkConfig);
/** The SMS provider. */
export type SmsSettings = { kind: 'twilio' } & TwilioConfig;
/** The Slack incoming webhook. */
export type SlackSettings = { kind: 'slack' } & SlackConfig;
/** One CRM destination; several can be configured at once and all receive the lead. */
export type CrmSettings = ({ kind: 'hubspot' } & HubspotConfig) | ({ kind: 'salesforce' } & SalesforceConfig) | ({ kind: 'webhook' } & WebhookConfig);

/** Every configured provider, and what is wrong with the half-configured ones. */
export interface ProviderSettings {
  email?: EmailSettings;
  sms?: SmsSettings;
  slack?: SlackSettings;
  crm: CrmSettings[];
  problems: string[];
}

/** Sender used when `EMAIL_FROM` is unset. */
export const DEFAULT_EMAIL_FROM = 'Lead Router <leads@example.com>';

/** Reads the provider settings from `env` (a Worker's env, or any string map). */
export function providerSettings(env: Record<string, string | undefined>): ProviderSettings {
  const problems: string[] = [];
  const settings: ProviderSettings = { crm: [], problems };
  const vars = new EnvReader(env, problems);
  const from = vars.get('EMAIL_FROM') ?? DEFAULT_EMAIL_FROM;

  const emailProvider = vars.get('EMAIL_PROVIDER')?.toLowerCase();
  if (emailProvider !== undefined && emailProvider !== 'resend' && emailProvider !== 'postmark') {
    problems.push('EMAIL_PROVIDER must be "resend" or "postmark"');
  } else {
    // Unset: whichever key is present, Resend when both are.
    const kind =
      emailProvider ?? (vars.get('RESEND_API_KEY') !== undefined ? 'resend' : vars.get('POSTMARK_SERVER_TOKEN') !== undefined ? 'postmark' : undefined);
    if (kind !== 'postmark') {
      const v = vars.group('Resend', ['RESEND_API_KEY'], ['RESEND_BASE_URL'], kind === 'resend' ? ['EMAIL_PROVIDER'] : []);
      if (v !== undefined) settings.email = { kind: 'resend', apiKey: v.RESEND_API_KEY, from, ...base(v.RESEND_BASE_URL) };
    }
    if (kind !== 'resend') {
      const v = vars.group('Postmark', ['POSTMARK_SERVER_TOKEN'], ['POSTMARK_BASE_URL'], kind === 'postmark' ? ['EMAIL_PROVIDER'] : []);
      if (v !== undefined) settings.email = { kind: 'postmark', serverToken: v.POSTMARK_SERVER_TOKEN, from, ...base(v.POSTMARK_BASE_URL) };
    }
  }

  const twilio = vars.group('Twilio', ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM'], ['TWILIO_BASE_URL']);
  if (twilio !== undefined) {
    settings.sms = {
      kind: 'twilio',
      accountSid: twilio.TWILIO_ACCOUNT_SID,
      authToken: twilio.TWILIO_AUTH_TOKEN,
      from: twilio.TWILIO_FROM,
      ...base(twilio.TWILIO_BASE_URL),
    };
  }

  const slack = vars.group('Slack', ['SLACK_WEBHOOK_URL']);
  if (slack !== undefined) settings.slack = { kind: 'slack', webhookUrl: slack.SLACK_WEBHOOK_URL };

  const hubspot = vars.group('HubSpot', ['HUBSPOT_TOKEN'], ['HUBSPOT_BASE_URL']);
  if (hubspot !== undefined) settings.crm.push({ kind: 'hubspot', token: hubspot.HUBSPOT_TOKEN, ...base(hubspot.HUBSPOT_BASE_URL) });

  const salesforce = vars.group('Salesforce', ['SALESFORCE_INSTANCE_URL', 'SALESFORCE_ACCESS_TOKEN']);
  if (salesforce !== undefined) {
    settings.crm.push({
      kind: 'salesforce',
      instanceUrl: salesforce.SALESFORCE_INSTANCE_URL,
      accessToken: salesforce.SALESFORCE_ACCESS_TOKEN,
    });
  }

  const webhook = vars.group('CRM webhook', ['CRM_WEBHOOK_URL', 'CRM_WEBHOOK_SECRET']);
  if (webhook !== undefined) settings.crm.push({ kind: 'webhook', url: webhook.CRM_WEBHOOK_URL, secret: webhook.CRM_WEBHOOK_SECRET });

  return settings;
}

/** `{ baseUrl }` when set, else nothing: optional properties stay absent rather than undefined. */
function base(baseUrl: string | undefined): { baseUrl?: string } {
  return baseUrl === undefined ? {} : { baseUrl };
}

/** Reads env vars a provider at a time, recording problems. */
class EnvReader {
  readonly #env: Record<string, string | undefined>;
  readonly #problems: string[];

  constructor(env: Record<string, string | undefined>, problems: string[]) {
    this.#env = env;
    this.#problems = problems;
  }

  /** The trimmed value; empty counts as unset, as dashboards and .dev.vars often leave blanks. */
  get(name: string): string | undefined {
    const value = this.#env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  }

  /**
   * A provider's variables when all `required` ones are set and every `*_URL` one parses, else
   * undefined; a problem is recorded when the provider looks intended (any of its variables, or a
   * `trigger` such as EMAIL_PROVIDER, is set) but cannot be used.
   */
  group<R extends string, O extends string = never>(
    provider: string,
    required: readonly R[],
    optional: readonly O[] = [],
    trigger: readonly string[] = [],
  ): (Record<R, string> & Partial<Record<O, string>>) | undefined {
    const names: string[] = [...required, ...optional];
    if (![...names, ...trigger].some((name) => this.get(name) !== undefined)) return undefined;
    const missing = required.filter((name) => this.get(name) === undefined);
    const badUrls = names.filter((name) => name.endsWith('_URL') && !isUrl(this.get(name)));
    if (missing.length > 0) {
      this.#problems.push(`${provider} is partly configured: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set`);
    }
    for (const name of badUrls) this.#problems.push(`${provider}: ${name} is not an http(s) URL`);
    if (missing.length > 0 || badUrls.length > 0) return undefined;
    const values: Record<string, string> = {};
    for (const name of names) {
      const value = this.get(name);
      if (value !== undefined) values[name] = value;
    }
    return values as Record<R, string> & Partial<Record<O, string>>;
  }
}

/** Whether `value` is unset or an http(s) URL. */
function isUrl(value: string | undefined): boolean {
  if (value === undefined) return true;
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
