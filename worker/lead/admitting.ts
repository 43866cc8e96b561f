/**
 * The admitting role of a LeadObject (the rules are in lead/admission.ts): a submission is
 * answered from its Idempotency-Key, resumed if it is the retry of an admission that stopped
 * half-way, joined to the person's lead, or admitted as a new lead — its id and the key's
 * mapping written first, then the routing decision, the confirmation allowance and the claims on
 * its other keys side by side. Joining a lead happens after the lock is let go.
 */
import type { AppEnv } from '../app-env.ts';
import {
  answerOf,
  ownTarget,
  PENDING_MS,
  PENDING_RESUME_MS,
  rememberAnswer,
  type Admission,
  type Admitted,
  type ClaimAnswer,
  type IdentityState,
} from './admission.ts';
import { newLead } from './create.ts';
import type { LeadHouse } from './house.ts';
import { identityObject, leadObject, newLeadId } from './lead-id.ts';
import { WATCHDOG_MS } from './outbox.ts';
import type { Submission } from './returns.ts';

/** Joins a lead wherever it is kept (this object or another): undefined when it is not there, `ended` when its story is over. */
export type Join = (leadId: string, sub: Submission) => Promise<Admitted | 'ended' | undefined>;

type Step = { answer: Admitted } | { join: string };

/** Admits a submission whose first key is this object's: a new lead, or the person's lead joined. */
export async function admit(house: LeadHouse, input: Admission, join: Join, ended?: string): Promise<Admitted> {
  const step = await house.exclusive(() => resolve(house, input, ended));
  if ('answer' in step) return step.answer;
  // Joining happens after the lock is let go (see lead/admission.ts on deadlocks).
  const answer = await join(step.join, submissionOf(input));
  if (answer === undefined || answer === 'ended') {
    // The lead the key pointed to is gone (erased) or its story is over (closed, won, lost): the
    // person's new request is a new lead, and takes the keys over. Once.
    await house.exclusive(async () => forget(house, step.join));
    if (ended !== undefined) throw new Error('admission found no open lead twice');
    return admit(house, input, join, step.join);
  }
  // A lead kept here has the key among its submissions (its row answers a retry); one kept
  // elsewhere is remembered here, so a retry does not join it twice.
  if (input.idempotencyKey && !leadObject(house.env, step.join).id.equals(house.ctx.id)) {
    rememberAnswer(house.identity!, input.idempotencyKey, answer);
    house.store.saveIdentity(house.identity);
  }
  return answer;
}

/** Finishes, under the lock, the admission of a lead another submission wants to join before it exists. */
export async function finishPending(house: LeadHouse, leadId: string): Promise<void> {
  const pending = house.identity?.pending;
  if (pending?.leadId === leadId && !house.leads.has(leadId)) await admitNew(house, house.identity!, pending.input, leadId);
}

/** An admission the client never came back for is finished by the alarm, so its routing reservation becomes a lead. */
export async function resumeStalled(house: LeadHouse, now: number, join: Join): Promise<void> {
  const pending = house.identity?.pending;
  if (!pending || now - pending.at < PENDING_RESUME_MS) return;
  const step = await house.exclusive(async () =>
    house.identity?.pending === pending ? admitNew(house, house.identity, pending.input, pending.leadId) : undefined,
  );
  if (step && 'join' in step) await join(step.join, submissionOf(pending.input));
}

async function resolve(house: LeadHouse, input: Admission, ended?: string): Promise<Step> {
  const state = (house.identity ??= { key: input.key, answers: [] });
  const answered = input.idempotencyKey ? state.answers.find(([key]) => key === input.idempotencyKey)?.[1] : undefined;
  if (answered) return { answer: answered };
  // The client's retry of an admission that stopped half-way finishes it under the same id.
  const pending = state.pending;
  if (pending && pending.fingerprint === JSON.stringify(input.lead) && input.receivedAt - pending.at < PENDING_MS)
    return admitNew(house, state, pending.input, pending.leadId);
  const own = ownTarget(state, input);
  if (own && own.leadId !== ended) return { join: own.leadId };
  return admitNew(house, state, input, undefined, ended);
}

/**
 * A new lead: its id and the key's mapping written first, then (side by side) the decision,
 * the confirmation allowance and the claims on the submission's other keys. A claim that finds
 * the person's lead elsewhere turns the admission into a join, and the decision is given back.
 */
async function admitNew(house: LeadHouse, state: IdentityState, input: Admission, resumeId?: string, ended?: string): Promise<Step> {
  const { env, store } = house;
  const id = resumeId ?? newId(house, input.receivedAt, input.home);
  const junk = input.lead.status === 'junk';
  const until = input.receivedAt + input.windowMs;
  const email = input.email ? { email: input.email } : {};
  state.pending = { leadId: id, at: input.receivedAt, fingerprint: JSON.stringify(input.lead), input };
  state.current = { leadId: id, until, ...email, ...(junk ? { junk: true as const } : {}) };
  // Durable before any call below leaves (output gate): a claim, a retry or the alarm finds it.
  // The alarm is the delivery watchdog the lead needs anyway, set now rather than after the
  // save, in the same write: a half-done admission is finished even if the client never retries.
  store.saveIdentity(state);
  const watchdog = house.alarmNoLaterThan(input.receivedAt + WATCHDOG_MS);
  const router = env.ROUTER.getByName('global');
  const [, decided, confirm, ...answers] = await Promise.all([
    watchdog,
    router.decide(id, id, input.lead, input.receivedAt),
    confirmAllowed(env, input, junk),
    ...(junk
      ? []
      : input.others.map((k) =>
          identityObject(env, k.home).claim(k.key, { leadId: id, ...email, until, at: input.receivedAt, ...(ended ? { replaces: ended } : {}) }),
        )),
  ]);
  const found = answers.find((a): a is Extract<ClaimAnswer, { kind: 'join' }> => a.kind === 'join');
  if (found) {
    state.current = { leadId: found.leadId, until: found.until, ...email };
    delete state.pending;
    store.saveIdentity(state);
    await router.release(id).catch(() => {
      state.owedReleases = [...(state.owedReleases ?? []), id];
      store.saveIdentity(state);
    });
    return { join: found.leadId };
  }
  const config = await house.config(decided.configVersion);
  const lead = newLead(
    {
      id,
      site: input.site,
      receivedAt: input.receivedAt,
      lead: input.lead,
      qualification: input.qualification,
      decision: decided.decision,
      configVersion: decided.configVersion,
      confirm,
      publicUrl: input.publicUrl,
    },
    config,
    env,
  );
  // The lead's row answers a retry of this submission (its key is among the lead's), and its
  // existence marks the admission done: the identity, written before routing with the key's
  // mapping, is not written again (its `pending` is dropped when next written, or loaded).
  if (input.idempotencyKey) lead.submissionKeys = [input.idempotencyKey];
  house.leads.set(id, lead);
  lead.save(store);
  delete state.pending;
  await house.deliverSoon();
  return { answer: answerOf(lead) };
}

/** Only a new, real lead with an address is confirmed, so only it counts against the client's confirmations. */
function confirmAllowed(env: AppEnv, input: Admission, junk: boolean): Promise<boolean> {
  if (junk || (input.lead.email === undefined && input.lead.phone === undefined)) return Promise.resolve(true);
  return env.CONFIRM_LIMITER.limit({ key: input.client }).then((r) => r.success);
}

function forget(house: LeadHouse, leadId: string): void {
  const state = house.identity;
  if (state?.current?.leadId !== leadId) return;
  delete state.current;
  house.store.saveIdentity(state);
}

function newId(house: LeadHouse, at: number, home: string): string {
  let id = newLeadId(at, home);
  // Two leads of one person in one millisecond (junk, then real) must not share an id.
  for (let t = at + 1; house.leads.has(id) || house.identity?.pending?.leadId === id; t++) id = newLeadId(t, home);
  return id;
}

function submissionOf(input: Admission): Submission {
  return {
    lead: input.lead,
    qualification: input.qualification,
    receivedAt: input.receivedAt,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
  };
}
