/**
 * Alerts when routing breaks, run every few minutes by the Worker's cron trigger: read the
 * situation, find the alerts that hold (shared/alerts/detect.ts), send those out of their quiet
 * period to Slack and by email through the same providers as lead notices, and remember when
 * each went out (KV, one key: the cron is the only writer).
 */
import { alertSettings, detectAlerts, dueAlerts, type Alert, type SentAt } from '../../shared/alerts/detect.ts';
import { escapeHtml, escapeSlack } from '../../shared/messages/escape.ts';
import { isDevelopment, type AppEnv } from '../app-env.ts';
import { buildEmail, buildSlack } from '../providers/build.ts';
import { isDevOutbox } from '../providers/dev-outbox.ts';
import { providerSettings } from '../providers/settings.ts';
import { send } from '../providers/transport.ts';
import type { OutboundRequest } from '../providers/types.ts';
import { readSituation } from './situation.ts';

const STATE_KEY = 'alerts:state';

interface AlertState {
  sent: SentAt;
  /** Dead letters already alerted on, per day. */
  deadLetters: Record<string, number>;
}

/** Checks the routing's health at `now` and sends what is due; resolves with the alerts sent. */
export async function runAlerts(env: AppEnv, now = Date.now()): Promise<Alert[]> {
  const { config } = await env.ROUTER.getByName('global').config();
  const settings = alertSettings(config);
  const situation = await readSituation(env, now, settings.unusedDays);
  const state = (await env.LEADS_KV.get<AlertState>(STATE_KEY, 'json')) ?? { sent: {}, deadLetters: {} };
  const { send: due, sent } = dueAlerts(detectAlerts(situation, config, state.deadLetters), state.sent, now, settings.quietMs);
  const base = `${env.PUBLIC_URL ?? 'http://localhost:8787'}/dashboard/`;
  const providers = providerSettings(env as unknown as Record<string, string | undefined>);
  const emails = (config.alerts?.notify ?? config.queues[config.fallback.queue]?.watchers ?? [])
    .map((id) => config.reps[id]?.email)
    .filter((e): e is string => e !== undefined);
  for (const alert of due) {
    const url = base + alert.link;
    const key = `alert:${alert.key}:${now}`;
    const requests = [
      buildSlack(
        { text: `:rotating_light: *${escapeSlack(alert.title)}*\n${escapeSlack(alert.text)} <${url}|Open the leads>`, blocks: [], idempotencyKey: key },
        providers,
      ),
      ...emails.map((to) =>
        buildEmail(
          {
            to,
            subject: `Routing alert: ${alert.title}`,
            text: `${alert.text}\n\nOpen the leads: ${url}`,
            html: `<p>${escapeHtml(alert.text)}</p><p><a href="${escapeHtml(url)}">Open the leads</a></p>`,
            idempotencyKey: `${key}:${to}`,
          },
          providers,
        ),
      ),
    ];
    await Promise.all(requests.map((r) => deliver(env, r, now, alert.title)));
  }
  // Dead letters count as seen once an alert named them: one that arrives in the quiet period
  // alerts when it ends.
  const deadLetters = due.some((a) => a.key === 'dead-letters') ? situation.deadLetters : state.deadLetters;
  await env.LEADS_KV.put(STATE_KEY, JSON.stringify({ sent, deadLetters } satisfies AlertState));
  return due;
}

/** Sends a request, or records it in the dev outbox in development (nothing without a provider in production). */
async function deliver(env: AppEnv, request: OutboundRequest, now: number, summary: string): Promise<void> {
  if (!isDevOutbox(request)) {
    await send(request);
    return;
  }
  if (isDevelopment(env)) await env.DEV_OUTBOX.getByName('dev').record({ ...request, at: now, leadId: 'alerts', summary: `routing alert: ${summary}` });
}
