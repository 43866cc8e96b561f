/**
 * The Worker's environment: bindings and vars from wrangler.toml (generated `Env`), plus the
 * secrets and optional settings set with `wrangler secret put` or `.dev.vars`.
 */

/** Secrets and optional settings; all strings, all optional (see README "Configuration reference"). */
export interface Secrets {
  /** Bearer token for `/v1/admin/*` and the dashboard. */
  ADMIN_TOKEN?: string;
  /** HMAC key for ack links. */
  SIGNING_SECRET?: string;
  /** Public origin for links in notifications (default: the request's origin). */
  PUBLIC_URL?: string;
  /** First retry delay of the outbox, in ms (default 2000; tests set it small). */
  OUTBOX_BASE_DELAY_MS?: string;
  /** How long a provider may take to answer before the attempt counts as failed and is retried, in ms (default 10000). */
  PROVIDER_TIMEOUT_MS?: string;
  RESEND_API_KEY?: string;
  RESEND_BASE_URL?: string;
  POSTMARK_SERVER_TOKEN?: string;
  POSTMARK_BASE_URL?: string;
  EMAIL_PROVIDER?: string;
  EMAIL_FROM?: string;
  TWILIO_ACCOUNT_SID?: string;
  TWILIO_AUTH_TOKEN?: string;
  TWILIO_FROM?: string;
  TWILIO_BASE_URL?: string;
  SLACK_WEBHOOK_URL?: string;
  HUBSPOT_TOKEN?: string;
  HUBSPOT_BASE_URL?: string;
  SALESFORCE_INSTANCE_URL?: string;
  SALESFORCE_ACCESS_TOKEN?: string;
  CRM_WEBHOOK_URL?: string;
  CRM_WEBHOOK_SECRET?: string;
  /** HubSpot app's client secret: verifies the contact-creation webhook's v3 signature (`POST /v1/sources/hubspot`). */
  HUBSPOT_CLIENT_SECRET?: string;
  /** Shared secret of the Salesforce Flow or Apex callout (`POST /v1/sources/salesforce`). */
  SALESFORCE_WEBHOOK_SECRET?: string;
  /** Shared secret of signed JSON posts from chat tools and other systems (`POST /v1/sources/webhook`). */
  SOURCE_WEBHOOK_SECRET?: string;
  /** The enrichment provider's key (the config's `enrichment`). */
  ENRICHMENT_API_KEY?: string;
  /** The generic enrichment endpoint (`enrichment.provider: "http"`). */
  ENRICHMENT_URL?: string;
  /** Apollo's base URL, default https://api.apollo.io (tests and benchmarks point it elsewhere). */
  APOLLO_BASE_URL?: string;
}

/** Everything the Worker reads from its environment. */
export type AppEnv = Env & Secrets;

const DEV_ADMIN_TOKEN = 'dev-admin-token';
const DEV_SIGNING_SECRET = 'dev-signing-secret';

/**
 * True only under `npm run dev` (`wrangler dev --var ENVIRONMENT:development`): dev outbox on,
 * development defaults allowed. wrangler.toml says `production`, so a plain `wrangler deploy`
 * (a dashboard or Git integration) is production, and so is any other or missing value.
 */
export function isDevelopment(env: Pick<AppEnv, 'ENVIRONMENT'>): boolean {
  return env.ENVIRONMENT === 'development';
}

/** The admin token; in development `dev-admin-token` unless one is set. Undefined: admin is closed. */
export function adminToken(env: AppEnv): string | undefined {
  return env.ADMIN_TOKEN || (isDevelopment(env) ? DEV_ADMIN_TOKEN : undefined);
}

/** The ack-link signing key, or undefined when there is none (production without the secret). */
export function maybeSigningSecret(env: AppEnv): string | undefined {
  return env.SIGNING_SECRET || (isDevelopment(env) ? DEV_SIGNING_SECRET : undefined);
}

/** The ack-link signing key; in development a fixed default. Throws without one (intake refuses leads then). */
export function signingSecret(env: AppEnv): string {
  const secret = maybeSigningSecret(env);
  if (!secret) throw new Error('SIGNING_SECRET is not set: run `wrangler secret put SIGNING_SECRET`');
  return secret;
}
