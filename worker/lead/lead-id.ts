/**
 * Lead ids, and which LeadObject keeps a lead. An identity's object admits its submissions and
 * keeps its first lead, so a new lead costs one object (one call, one SQLite file) rather than
 * two. That lead's id carries the object's home tag, so the id alone still finds the lead for
 * admin reads, ack links and tests. Any other id (an identity's later leads, which get objects of
 * their own) names its object directly.
 */
import type { AppEnv } from '../app-env.ts';
import type { LeadObject } from '../durable/lead-object.ts';

/** Hex digits of the home tag: 80 bits, so two identities never share an object in practice. */
const TAG_LENGTH = 20;
const HOME_ID = new RegExp(`^ld_[0-9a-z]+_([0-9a-f]{${TAG_LENGTH}})$`);

/**
 * The home tag of an identity: a digest of it, keyed by the namespace (`idFromName`), so a lead
 * id names its object without carrying the person's email or phone.
 */
export function homeTag(env: Pick<AppEnv, 'LEAD'>, identity: string): string {
  return env.LEAD.idFromName(identity).toString().slice(0, TAG_LENGTH);
}

/** The object that admits an identity's submissions, addressed by its home tag. */
export function identityObject(env: Pick<AppEnv, 'LEAD'>, home: string): DurableObjectStub<LeadObject> {
  return env.LEAD.getByName(`identity:${home}`);
}

/** The object that keeps lead `leadId`. */
export function leadObject(env: Pick<AppEnv, 'LEAD'>, leadId: string): DurableObjectStub<LeadObject> {
  const home = leadHome(leadId);
  return home === undefined ? env.LEAD.getByName(leadId) : identityObject(env, home);
}

/** Any lead id {@link newLeadId} makes: `ld_`, the time in base 36, then `_` and a home tag or 10 random characters. */
const LEAD_ID = new RegExp(`^ld_[0-9a-z]{1,11}(?:_[0-9a-f]{${TAG_LENGTH}}|[0-9a-z]{10})$`);

/** Whether `id` can be a lead id: anything else is refused before an object is addressed. */
export function isLeadId(id: string): boolean {
  return LEAD_ID.test(id);
}

/** The home tag a lead id carries, if it lives in its identity's object. */
export function leadHome(leadId: string): string | undefined {
  return HOME_ID.exec(leadId)?.[1];
}

/**
 * A lead id that sorts by arrival: `ld_` + time in base 36, then `_` + the home tag for an
 * identity's first lead, or random characters for a lead with an object of its own.
 * @example newLeadId(Date.now(), '0123456789abcdef0123') // 'ld_mi3x0k2a_0123456789abcdef0123'
 */
export function newLeadId(at: number, home?: string): string {
  if (home !== undefined) return `ld_${at.toString(36)}_${home}`;
  const random = crypto.getRandomValues(new Uint8Array(8));
  return `ld_${at.toString(36)}${[...random]
    .map((b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 10)}`;
}
