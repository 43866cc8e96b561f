import { describe, it, expect } from 'vitest';
import type { NormalizedLead } from '../../../shared/lead/types.ts';
import { qualify } from '../../../shared/qualify/qualify.ts';
import { DEFAULT_QUALIFY_RULES } from '../../../shared/qualify/types.ts';
import type { JunkSignal, QualifyFormType } from '../../../shared/qualify/types.ts';
import { lead } from './leads.ts';

const QUOTE: QualifyFormType = { intent: 'high' };

describe('qualify: a clean lead', () => {
  it('is qualified, normal, with the form type intent', () => {
    expect(qualify(lead(), QUOTE)).toEqual({
      status: 'qualified',
      junk: [],
      missing: [],
      urgency: 'normal',
      urgencySignals: [],
      intent: 'high',
      suspect: [],
    });
  });

  it('needs only the keys every lead has', () => {
    const bare: NormalizedLead = { formType: 'contact', consent: false, source: 'direct', honeypot: false };
    expect(qualify(bare, { intent: 'low' })).toMatchObject({ status: 'qualified', intent: 'low' });
  });
});

describe('qualify: each junk signal', () => {
  it.each<[string, Partial<NormalizedLead>, JunkSignal, string]>([
    ['honeypot', { honeypot: true }, 'honeypot', 'the hidden honeypot field was filled in'],
    [
      'disposable email',
      { email: 'x@mailinator.com', emailDomain: 'mailinator.com', emailKind: 'disposable' },
      'disposable_email',
      "email domain 'mailinator.com' is a disposable address service",
    ],
    ['mashed first name', { firstName: 'asdfgh' }, 'gibberish', "first name 'asdfgh' looks like keyboard mashing"],
    ['mashed last name', { lastName: 'jkjkjk' }, 'gibberish', "last name 'jkjkjk' repeats 'jk'"],
    ['placeholder company', { company: 'Test Inc' }, 'gibberish', "company 'Test Inc' looks like a placeholder"],
    ['numeric name', { firstName: '12345' }, 'gibberish', "first name '12345' has no letters"],
    ['mashed message', { message: 'sdfsdf sdfsdf' }, 'gibberish', "message 'sdfsdf sdfsdf' repeats 'sdf'"],
    ['link in the name', { firstName: 'Cheap http://spam.example' }, 'link_spam', "first name 'Cheap http://spam.example' contains a link"],
    ['link in the company', { company: 'www.spam.example' }, 'link_spam', "company 'www.spam.example' contains a link"],
    [
      'links in the message',
      { message: 'Buy http://a.example http://b.example [url=http://c.example]c[/url]' },
      'link_spam',
      'message has 3 links (maximum 2)',
    ],
  ])('%s', (_name, overrides, signal, detail) => {
    const q = qualify(lead(overrides), QUOTE);
    expect(q.status).toBe('junk');
    expect(q.junk).toEqual([{ signal, detail }]);
  });

  it.each<[string, Partial<NormalizedLead>]>([
    ['time unknown', { timeOnFormMs: undefined }],
    ['exactly the minimum', { timeOnFormMs: 3000 }],
    ['free email', { emailKind: 'free' }],
    ['two links', { message: 'See http://a.example and www.b.example' }],
    ['real names', { firstName: 'Siobhán', lastName: 'Ní Bhriain', company: 'Ørsted' }],
    ['a long message quoted in part', { message: 'Hello, '.repeat(100) }],
  ])('not junk: %s', (_name, overrides) => {
    expect(qualify(lead(overrides), QUOTE).junk).toEqual([]);
  });

  it('quotes at most 40 characters of a field', () => {
    const message = `${'sdfsdf '.repeat(20)}`;
    const [finding] = qualify(lead({ message }), QUOTE).junk;
    expect(finding?.detail).toBe(`message '${message.trim().slice(0, 40)}…' repeats 'sdf'`);
  });

  it('reports every finding, in a fixed order', () => {
    const q = qualify(
      lead({
        honeypot: true,
        timeOnFormMs: 100,
        emailKind: 'disposable',
        firstName: 'asdf',
        company: 'http://spam.example',
      }),
      QUOTE,
    );
    expect(q.junk.map((j) => j.signal)).toEqual(['honeypot', 'disposable_email', 'gibberish', 'link_spam']);
    expect(q.suspect.map((j) => j.signal)).toEqual(['too_fast']);
  });
});

describe('qualify: fill speed is a suspicion, never junk on its own', () => {
  it('routes a person whose browser autofilled the form in 1.5 s: not junk, nothing to suspect', () => {
    // issue 9, case 4: the visitor was junked for `too_fast` alone and never answered.
    const q = qualify(lead({ timeOnFormMs: 1500, autofilled: true, keysTyped: 0 }), QUOTE);
    expect(q).toMatchObject({ status: 'qualified', junk: [], suspect: [] });
  });

  it('is explained by a paste too', () => {
    expect(qualify(lead({ timeOnFormMs: 900, pasted: true }), QUOTE)).toMatchObject({ status: 'qualified', suspect: [] });
  });

  it.each<[string, Partial<NormalizedLead>, string]>([
    [
      'no evidence reported (a client other than the widget)',
      { timeOnFormMs: 800 },
      'form filled in 0.8 s (minimum 3 s); no typing, autofill or paste reported',
    ],
    ['instant', { timeOnFormMs: 0 }, 'form filled in 0 s (minimum 3 s); no typing, autofill or paste reported'],
    [
      'keys typed, no autofill or paste',
      { timeOnFormMs: 1500, keysTyped: 12, autofilled: false, pasted: false },
      'form filled in 1.5 s (minimum 3 s); 12 keys typed, no autofill or paste',
    ],
    ['one key', { timeOnFormMs: 1500, keysTyped: 1 }, 'form filled in 1.5 s (minimum 3 s); 1 key typed, no autofill or paste'],
    ['no key, no autofill, no paste', { timeOnFormMs: 2000, keysTyped: 0 }, 'form filled in 2 s (minimum 3 s); no key typed, no autofill or paste'],
  ])('flags an unexplained fast fill as suspect, routed as usual: %s', (_name, overrides, detail) => {
    const q = qualify(lead(overrides), QUOTE);
    expect(q.status).toBe('qualified');
    expect(q.junk).toEqual([]);
    expect(q.suspect).toEqual([{ signal: 'too_fast', detail }]);
  });

  it('keeps incomplete leads incomplete when they are fast', () => {
    const q = qualify(lead({ timeOnFormMs: 500 }), { intent: 'medium', wanted: ['phone'] });
    expect(q).toMatchObject({ status: 'incomplete', missing: ['phone'], junk: [] });
    expect(q.suspect.map((s) => s.signal)).toEqual(['too_fast']);
  });

  it.each<[string, Partial<NormalizedLead>]>([
    ['honeypot', { honeypot: true }],
    ['gibberish', { firstName: 'asdfgh' }],
    ['link spam', { message: 'http://a.example http://b.example http://c.example' }],
    ['disposable email', { emailKind: 'disposable', emailDomain: 'mailinator.com' }],
  ])('a fast, autofilled lead with %s is still junk', (_name, overrides) => {
    const q = qualify(lead({ timeOnFormMs: 1000, autofilled: true, ...overrides }), QUOTE);
    expect(q.status).toBe('junk');
    expect(q.junk.map((j) => j.signal)).not.toContain('too_fast');
  });
});

describe('qualify: rules', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_QUALIFY_RULES).toEqual({ minFillMs: 3000, maxLinks: 2, disposableIsJunk: true });
  });

  it.each<[string, Partial<NormalizedLead>, Parameters<typeof qualify>[2], boolean]>([
    ['disposable allowed', { emailKind: 'disposable' }, { disposableIsJunk: false }, false],
    ['no links allowed', { message: 'see www.acme.com' }, { maxLinks: 0 }, true],
    ['more links allowed', { message: 'http://a http://b http://c' }, { maxLinks: 3 }, false],
  ])('%s', (_name, overrides, rules, junk) => {
    expect(qualify(lead(overrides), QUOTE, rules).status === 'junk').toBe(junk);
  });

  it.each<[string, Partial<NormalizedLead>, Parameters<typeof qualify>[2], boolean]>([
    ['a lower minimum lets a fast form through', { timeOnFormMs: 1500 }, { minFillMs: 1000 }, false],
    ['a higher minimum catches a slower one', { timeOnFormMs: 4000 }, { minFillMs: 5000 }, true],
    ['undefined overrides are no overrides', { timeOnFormMs: 1500 }, { minFillMs: undefined }, true],
  ])('minFillMs: %s', (_name, overrides, rules, suspect) => {
    expect(qualify(lead(overrides), QUOTE, rules).suspect.length > 0).toBe(suspect);
  });
});

describe('qualify: completeness and status precedence', () => {
  const wantsPhone: QualifyFormType = { intent: 'medium', wanted: ['phone', 'company', 'consent'] };

  it.each<[string, Partial<NormalizedLead>, string, string[]]>([
    ['all wanted fields present', { phone: '+34600000000' }, 'qualified', []],
    ['phone missing', {}, 'incomplete', ['phone']],
    ['phone and company missing', { company: ' ' }, 'incomplete', ['phone', 'company']],
    ['consent refused', { phone: '+34600000000', consent: false }, 'incomplete', ['consent']],
    ['junk beats incomplete', { honeypot: true }, 'junk', ['phone']],
    ['junk beats incomplete, gibberish', { firstName: 'qwerty', company: '' }, 'junk', ['phone', 'company']],
  ])('%s', (_name, overrides, status, missing) => {
    const q = qualify(lead(overrides), wantsPhone);
    expect(q.status).toBe(status);
    expect(q.missing).toEqual(missing);
  });
});

describe('qualify: urgency', () => {
  it.each<[string, QualifyFormType, string | undefined, string, string[]]>([
    ['no floor, calm message', { intent: 'high' }, 'A quote please', 'normal', []],
    ['no floor, hot message', { intent: 'high' }, 'Need it today', 'urgent', ['today']],
    ['no message at all', { intent: 'high' }, undefined, 'normal', []],
    ['an explicit normal floor adds no signal', { intent: 'high', urgency: 'normal' }, 'hello', 'normal', []],
    ['floor from the form type', { intent: 'high', urgency: 'urgent' }, 'A quote please', 'urgent', ['form type: quote']],
    ['floor above the message', { intent: 'high', urgency: 'urgent' }, 'tomorrow', 'urgent', ['form type: quote', 'tomorrow']],
    ['message above the floor', { intent: 'high', urgency: 'high' }, 'emergencia', 'urgent', ['form type: quote', 'emergencia']],
    ['negated message keeps the floor', { intent: 'high', urgency: 'high' }, 'not urgent', 'high', ['form type: quote']],
  ])('%s', (_name, formType, message, urgency, signals) => {
    const q = qualify(lead({ message }), formType);
    expect(q.urgency).toBe(urgency);
    expect(q.urgencySignals).toEqual(signals);
  });

  it('names the form type the floor came from', () => {
    const q = qualify(lead({ formType: 'urgent_service', message: undefined }), { intent: 'high', urgency: 'urgent' });
    expect(q.urgencySignals).toEqual(['form type: urgent_service']);
  });

  it('urgency is read from junk too (routing decides what to do with it)', () => {
    const q = qualify(lead({ honeypot: true, message: 'asap' }), QUOTE);
    expect(q).toMatchObject({ status: 'junk', urgency: 'urgent', urgencySignals: ['asap'] });
  });
});

describe('qualify: intent', () => {
  it.each(['low', 'medium', 'high'] as const)('passes the form type intent %s through', (intent) => {
    expect(qualify(lead(), { intent }).intent).toBe(intent);
  });
});
