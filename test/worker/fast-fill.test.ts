/**
 * Junk only on real evidence (issue 9, case 4), at the Worker: a person whose browser
 * autofilled the demo form and who sent it 1.5 s later is routed to a rep and promised an
 * answer, with nothing suspect about it; a fast fill nothing explains is routed too, flagged
 * `suspect`; junk is still junk, and its 202 promises nobody and no time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accepted, alwaysOpenConfig, leadView, publish } from './helpers.ts';

const demo = { firstName: 'Dana', lastName: 'Reyes', email: 'dana@brightpath.io', company: 'BrightPath', employees: '250', country: 'United States' };

beforeAll(async () => {
  expect((await publish(alwaysOpenConfig())).status).toBe(200);
});

describe('fill speed alone never makes junk', () => {
  it('routes an autofilled demo request sent 1.5 s after the first focus to a rep, promising an answer', async () => {
    const answer = await accepted(
      { ...demo, phone: '(415) 555-2671', jobTitle: 'VP Sales' },
      { formType: 'demo_request', context: { timeOnFormMs: 1500, autofilled: true, pasted: false, keysTyped: 3 } },
    );
    expect(answer.owner.name).toEqual(expect.any(String));
    expect(answer.respondWithin).toEqual({ minutes: expect.any(Number) });
    const { record } = await leadView(answer.leadId);
    expect(record.lead.status).toBe('qualified');
    expect(record.owner.kind).toBe('rep');
    expect(record.qualification).toMatchObject({ junk: [], suspect: [] });
    expect(record.lead).toMatchObject({ timeOnFormMs: 1500, autofilled: true, keysTyped: 3 });
  });

  it('routes a fast fill nothing explains too, with a suspect finding for the reviewer', async () => {
    const answer = await accepted({ ...demo, email: 'sam@brightpath.io' }, { formType: 'demo_request', context: { timeOnFormMs: 900 } });
    const { record } = await leadView(answer.leadId);
    expect(record.owner.kind).toBe('rep');
    expect(record.lead.status).toBe('incomplete');
    expect(record.qualification.junk).toEqual([]);
    expect(record.qualification.suspect).toEqual([{ signal: 'too_fast', detail: 'form filled in 0.9 s (minimum 3 s); no typing, autofill or paste reported' }]);
  });

  it('answers junk without a promise: nobody and no time', async () => {
    const answer = await accepted({ ...demo, email: 'bot@brightpath.io' }, { formType: 'demo_request', context: { honeypot: 'http://spam.example' } });
    expect(answer.owner).toEqual({ name: null });
    expect(answer.respondWithin).toBeNull();
    expect((await leadView(answer.leadId)).record.lead.status).toBe('junk');
  });
});
