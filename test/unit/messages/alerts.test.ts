/** Escalation messages: the manager alert and the queue notice. */
import { describe, expect, it } from 'vitest';
import { managerAlert, queueNotice } from '../../../shared/messages/alerts.ts';
import { ACK_URL, LEAD_URL, formLead } from './fixtures.ts';

const base = { brand: 'Northwind', formTypeLabel: 'Same-day service', leadUrl: LEAD_URL };

describe('managerAlert', () => {
  it('says who has not acknowledged which lead for how long, in both channels', () => {
    const alert = managerAlert({
      ...base,
      lead: formLead('service'),
      ownerName: 'Dana Reyes',
      managerName: 'Grace Hopper',
      waitedMs: 30 * 60_000,
      next: 'It moves to Inbound triage in 30 minutes.',
    });
    const sentence = 'Lead Ana García, Acme Logística has not been acknowledged by Dana Reyes in 30 minutes.';
    expect(alert.slack.text).toBe(`🔥 ${sentence} <${LEAD_URL}|Open the lead>`);
    expect(alert.email.subject).toBe('[Urgent] Not acknowledged: Ana García, Acme Logística');
    expect(alert.email.text).toMatch(/^Hi Grace,\n\n/);
    for (const text of [alert.email.text, JSON.stringify(alert.slack.blocks)]) {
      expect(text).toContain(sentence);
      expect(text).toContain('It moves to Inbound triage in 30 minutes.');
      expect(text).toContain('San Francisco, CA 94107, US');
      expect(text).toContain('Call now: they asked for same-day help');
    }
  });

  it('offers Acknowledge first when the manager may acknowledge', () => {
    const alert = managerAlert({ ...base, lead: formLead('contact'), ownerName: 'Dana Reyes', waitedMs: 4 * 3_600_000, ackUrl: ACK_URL });
    expect(alert.slack.text).toBe(`Lead Ana García, Acme Logística has not been acknowledged by Dana Reyes in 4 hours. <${ACK_URL}|Acknowledge>`);
    expect(alert.email.subject).toBe('Not acknowledged: Ana García, Acme Logística');
  });
});

describe('queueNotice', () => {
  it('says the lead moved to the queue and why', () => {
    const notice = queueNotice({
      ...base,
      lead: formLead('contact'),
      formTypeLabel: 'Contact us',
      queueName: 'Inbound triage',
      movedFrom: { ownerName: 'Dana Reyes', waitedMs: 3_600_000 },
      watcherName: 'Grace Hopper',
      ackUrl: ACK_URL,
    });
    expect(notice.slack.text).toBe(
      `Lead Ana García, Acme Logística moved to Inbound triage: Dana Reyes did not acknowledge it in 1 hour. <${ACK_URL}|Acknowledge>`,
    );
    expect(notice.email.subject).toBe('Moved to Inbound triage: Ana García, Acme Logística');
    expect(notice.email.text).toMatch(/^Hi Grace,/);
    expect(notice.email.text).toContain('Whoever takes it, acknowledge it so the others know.');
  });

  it('announces a lead that landed in the queue, with the routing reason and the deadline', () => {
    const notice = queueNotice({
      ...base,
      lead: formLead('contact'),
      queueName: 'Inbound triage',
      why: ['No route took the lead: the fallback queue owns it'],
      respondWithinMs: 4 * 3_600_000,
    });
    expect(notice.slack.text).toBe(`Lead Ana García, Acme Logística is in Inbound triage. <${LEAD_URL}|Open the lead>`);
    expect(notice.email.subject).toBe('New in Inbound triage: Ana García, Acme Logística');
    expect(notice.email.text).toContain('Why here: No route took the lead: the fallback queue owns it');
    expect(notice.email.text).toContain('Respond within: 4 hours');
    expect(notice.email.text).not.toContain('Whoever takes it');
  });
});
