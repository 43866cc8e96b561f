/**
 * IdentityObject: one per identity (a normalised email, else an E.164 phone). It is where
 * concurrent submissions by the same person meet: admissions run one at a time, so fifty
 * identical submissions in the same second make one lead and forty-nine duplicates. KV holds
 * the identity → lead index for the other keys and for reads, with the dedupe window as TTL.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Qualification } from '../../shared/qualify/types.ts';
import { explain } from '../../shared/routing/explain.ts';
import type { Owner, RoutableLead } from '../../shared/routing/types.ts';
import type { AppEnv } from '../app-env.ts';
import { configVersion } from '../config/store.ts';

/** What intake asks of an identity. */
export interface Admission {
  lead: RoutableLead;
  qualification: Qualification;
  /** Identity keys, this object's own first. */
  keys: string[];
  /**
   * The keys kept in the KV index: those another identity's object may have to look up
   * (every key but the config's first kind, e.g. phones when email comes first).
   */
  indexed: string[];
  windowMs: number;
  site: string;
  receivedAt: number;
  idempotencyKey?: string;
  /** False when confirmations from this client are rate-limited. */
  confirm: boolean;
  publicUrl: string;
}

/** The answer intake turns into its 202. */
export interface Admitted {
  leadId: string;
  duplicate: boolean;
  owner: Owner;
  slaMs: number;
}

const KV_PREFIX = 'identity:';
/** How long a half-done admission is resumed rather than started afresh. */
const PENDING_MS = 10 * 60_000;
const MIN_KV_TTL_S = 60;

/** The Durable Object class of one identity; address it by its first identity key. */
export class IdentityObject extends DurableObject<AppEnv> {
  /** Admits a submission: a new lead, or a duplicate joined to the existing one. */
  async admit(input: Admission): Promise<Admitted> {
    // One admission at a time: the checks and the creation below must not interleave with
    // another submission by the same person, though they await other objects.
    let result: Admitted | undefined;
    await this.ctx.blockConcurrencyWhile(async () => {
      result = await this.#admit(input);
    });
    return result!;
  }

  async #admit(input: Admission): Promise<Admitted> {
    const storage = this.ctx.storage;
    if (input.idempotencyKey) {
      const answered = await storage.get<Admitted>(`idem:${input.idempotencyKey}`);
      if (answered) return answered;
    }
    const junk = input.lead.status === 'junk';
    const existing = (await storage.get<{ leadId: string; until: number; junk?: boolean }>('lead')) ?? undefined;
    // A real submission never joins a junk lead: junk is reviewed, unconfirmed and kept out of
    // the CRM, and someone else's bot must not be able to silence a person for the window.
    let leadId = existing && existing.until > input.receivedAt && !(existing.junk && !junk) ? existing.leadId : undefined;
    // Junk is not in the KV index (see below), so only real leads are found there.
    for (const key of input.indexed) {
      if (leadId) break;
      leadId = (await this.env.LEADS_KV.get(KV_PREFIX + key)) ?? undefined;
    }

    let admitted: Admitted;
    if (leadId) {
      const record = await this.env.LEAD.getByName(leadId).addDuplicate({
        at: input.receivedAt,
        formType: input.lead.formType,
        source: input.lead.source,
        ...(input.lead.pagePath ? { pagePath: input.lead.pagePath } : {}),
      });
      // The promise to the person is the one made the first time, not what is left of it.
      if (record) admitted = { leadId, duplicate: true, owner: record.owner, slaMs: record.decision.slaMs };
      else leadId = undefined;
    }
    if (!leadId) {
      // The id is written down before anything else, so an admission that fails half-way is
      // finished under the same id when the client retries: routed once, stored once.
      // Resumed only for the same submission (the client's retry), never for a different one.
      const fingerprint = JSON.stringify(input.lead);
      const pending = await storage.get<{ leadId: string; at: number; fingerprint: string }>('pending');
      const resume = pending && input.receivedAt - pending.at < PENDING_MS && pending.fingerprint === fingerprint;
      leadId = resume ? pending.leadId : newLeadId(input.receivedAt);
      if (!resume) await storage.put('pending', { leadId, at: input.receivedAt, fingerprint });
      const { decision, configVersion: version } = await this.env.ROUTER.getByName('global').decide(leadId, input.lead, input.receivedAt);
      const { config } = await configVersion(this.env.LEADS_KV, version, this.env.ROUTER.getByName('global'));
      await this.env.LEAD.getByName(leadId).create({
        id: leadId,
        site: input.site,
        receivedAt: input.receivedAt,
        lead: input.lead,
        qualification: input.qualification,
        decision,
        trace: explain(decision, input.lead, config),
        configVersion: version,
        confirm: input.confirm,
        publicUrl: input.publicUrl,
      });
      admitted = { leadId, duplicate: false, owner: decision.owner, slaMs: decision.slaMs };
    }
    const until = input.receivedAt + input.windowMs;
    const isNew = !admitted!.duplicate;
    if (isNew) {
      await storage.put('lead', { leadId, until, ...(junk ? { junk: true } : {}) });
      await storage.delete('pending');
      // Only new, real leads are indexed: KV takes one write per key per second, and a failed
      // write only weakens cross-key dedupe, so it must not fail the admission.
      if (!junk) {
        const ttl = Math.max(MIN_KV_TTL_S, Math.ceil(input.windowMs / 1000));
        await Promise.all(input.indexed.map((key) => this.env.LEADS_KV.put(KV_PREFIX + key, leadId!, { expirationTtl: ttl }).catch(() => undefined)));
      }
    }
    if (input.idempotencyKey) await storage.put(`idem:${input.idempotencyKey}`, admitted!);
    return admitted!;
  }
}

/** A lead id that sorts by arrival: `ld_` + time in base 36 + random. */
export function newLeadId(at: number): string {
  const random = crypto.getRandomValues(new Uint8Array(8));
  return `ld_${at.toString(36)}${[...random].map((b) => b.toString(36).padStart(2, '0')).join('').slice(0, 10)}`;
}
