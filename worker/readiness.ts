/**
 * What this deployment lacks: required secrets, a way to reach reps, settings that do not parse,
 * half-configured providers. `GET /health` reports it, and intake refuses leads while anything
 * that blocks them is missing, so a lead is never accepted that the Worker cannot serve. Names
 * settings, never their values.
 */
import { isDevelopment, type AppEnv } from './app-env.ts';
import { providerSettings } from './providers/settings.ts';
import { parseSites } from './sites.ts';

/** One configuration problem. */
export interface ConfigProblem {
  /** The setting (or group of settings) to fix. */
  setting: string;
  message: string;
  /** True when leads are refused until it is fixed. */
  blocksLeads: boolean;
}

const checked = new WeakMap<object, ConfigProblem[]>();

/** Every configuration problem of `env`, computed once per env object. */
export function configProblems(env: AppEnv): ConfigProblem[] {
  let problems = checked.get(env);
  if (problems === undefined) {
    problems = findProblems(env);
    checked.set(env, problems);
  }
  return problems;
}

/** The problems that refuse leads (empty when intake may accept them). */
export function blockingProblems(env: AppEnv): ConfigProblem[] {
  return configProblems(env).filter((p) => p.blocksLeads);
}

function findProblems(env: AppEnv): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const blocking = (setting: string, message: string) => problems.push({ setting, message, blocksLeads: true });
  const development = isDevelopment(env);
  const set = (name: keyof AppEnv) => typeof env[name] === 'string' && env[name].trim() !== '';

  // Development has defaults for both secrets, and the dev outbox stands in for every provider.
  if (!development) {
    if (!set('SIGNING_SECRET')) blocking('SIGNING_SECRET', 'SIGNING_SECRET is not set: ack links cannot be signed');
    if (!set('ADMIN_TOKEN')) blocking('ADMIN_TOKEN', 'ADMIN_TOKEN is not set: nobody can manage leads');
  }
  const sites = parseSites(env.SITES);
  if (sites.problem !== undefined) blocking('SITES', sites.problem);
  if (env.PUBLIC_URL !== undefined && !isHttpUrl(env.PUBLIC_URL)) blocking('PUBLIC_URL', 'PUBLIC_URL is not an http(s) URL: links to reps would be broken');

  const providers = providerSettings(env as unknown as Record<string, string | undefined>);
  if (!development && providers.email === undefined && providers.slack === undefined) {
    blocking('email or Slack provider', 'No way to reach reps: set RESEND_API_KEY, POSTMARK_SERVER_TOKEN or SLACK_WEBHOOK_URL');
  }
  // A half-configured provider does not stop leads (another channel reaches reps), but its messages would fail.
  for (const message of providers.problems) problems.push({ setting: 'provider settings', message, blocksLeads: false });
  return problems;
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}
