/**
 * DevOutbox: with no provider configured (a newcomer's laptop), every email, SMS, Slack message
 * and CRM call is recorded here instead of sent: the exact request production would make.
 * `/dev/outbox` shows them.
 */
import { DurableObject } from 'cloudflare:workers';
import type { OutboundRequest } from '../providers/types.ts';
import type { AppEnv } from '../app-env.ts';

/** One recorded request, with when and for which lead. */
export interface RecordedMessage extends OutboundRequest {
  seq: number;
  at: number;
  leadId: string;
  /** A one-line description: "confirmation email to the lead", "slack to Dana Whitfield". */
  summary: string;
}

const KEPT = 1000;

/** The dev outbox; address it by the name `dev`. */
export class DevOutbox extends DurableObject<AppEnv> {
  /** Records a request that would have been sent; returns its sequence number. */
  async record(message: Omit<RecordedMessage, 'seq'>): Promise<number> {
    const seq = ((await this.ctx.storage.get<number>('seq')) ?? 0) + 1;
    await this.ctx.storage.put({ seq, [key(seq)]: { ...message, seq } });
    if (seq > KEPT) await this.ctx.storage.delete(key(seq - KEPT));
    return seq;
  }

  /** The most recent messages, newest first, at most `limit` (1 to 1,000; anything else counts as the bound); only those of `leadId` when given. */
  async list(limit = 200, leadId?: string): Promise<RecordedMessage[]> {
    limit = Number.isInteger(limit) ? Math.min(Math.max(limit, 1), KEPT) : KEPT;
    const entries = await this.ctx.storage.list<RecordedMessage>({ prefix: 'm:', reverse: true, limit: leadId ? KEPT : limit });
    const messages = [...entries.values()];
    return (leadId ? messages.filter((m) => m.leadId === leadId) : messages).slice(0, limit);
  }

  /** Forgets the messages about these leads (erasure); returns how many. */
  async erase(leadIds: string[]): Promise<number> {
    if (leadIds.length === 0) return 0;
    const wanted = new Set(leadIds);
    const entries = await this.ctx.storage.list<RecordedMessage>({ prefix: 'm:' });
    const keys = [...entries].filter(([, message]) => wanted.has(message.leadId)).map(([key]) => key);
    for (let i = 0; i < keys.length; i += 128) await this.ctx.storage.delete(keys.slice(i, i + 128));
    return keys.length;
  }

  /** Forgets everything (tests, and the page's "clear" button). */
  async clear(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }
}

function key(seq: number): string {
  return `m:${String(seq).padStart(10, '0')}`;
}
