/**
 * The lead's prior relationship in the notices (issue 11, Deliver 3): "existing customer of … since
 * …" for an account the index knows as a customer, the account for one it does not, a known
 * contact, a doubtful name match shown but not routed on — in the rep's notice and the queue's.
 */
import { describe, expect, it } from 'vitest';
import type { LeadAccount } from '../../../shared/accounts/types.ts';
import { queueNotice } from '../../../shared/messages/alerts.ts';
import { repEmail } from '../../../shared/messages/notification.ts';
import { relationshipText } from '../../../shared/messages/relationship.ts';
import { ACK_URL, formLead } from './fixtures.ts';

const account = (over: Partial<LeadAccount> = {}): LeadAccount => ({
  id: 'hubspot:1',
  name: 'Pied Piper, Inc.',
  source: 'hubspot',
  matchedBy: 'domain',
  confidence: 1,
  matchedOn: 'piedpiper.com',
  ...over,
});

describe('relationshipText', () => {
  it.each([
    [{ account: account({ customer: true, customerSince: '2022-02-01' }) }, 'existing customer of Pied Piper, Inc. since 2022-02-01'],
    [{ account: account({ customer: true }) }, 'existing customer of Pied Piper, Inc.'],
    [{ account: account({ tier: 'tier_1' }) }, 'account Pied Piper, Inc. (tier_1)'],
    [
      { account: account({ matchedBy: 'name', confidence: 0.63, name: 'Vandelay Industries' }) },
      'the company resembles Vandelay Industries (0.63): shown, not routed on',
    ],
    [{ contactOwner: 'dana', account: account({ matchedBy: 'contact', customer: true }) }, 'a known contact in the CRM; existing customer of Pied Piper, Inc.'],
    [{}, undefined],
  ])('%o → %s', (lead, words) => {
    expect(relationshipText(lead, 0.9)).toBe(words);
  });

  it('is in the rep’s notice and the queue’s', () => {
    const relationship = 'existing customer of Pied Piper, Inc. since 2022-02-01';
    const rep = repEmail({
      brand: 'Northwind',
      lead: formLead('contact'),
      formTypeLabel: 'Contact us',
      owner: { kind: 'rep', id: 'lee', name: 'Lee Okafor' },
      respondWithinMs: 3_600_000,
      why: [],
      ackUrl: ACK_URL,
      duplicates: 0,
      relationship,
    });
    expect(rep.text).toContain(relationship);
    const queue = queueNotice({ brand: 'Northwind', lead: formLead('contact'), formTypeLabel: 'Contact us', queueName: 'Inbound triage', relationship });
    expect(queue.email.text).toContain(relationship);
    expect(JSON.stringify(queue.slack.blocks)).toContain(relationship);
  });
});
