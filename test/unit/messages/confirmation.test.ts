/** The lead's instant confirmation: who responds, by when, in their language, per form type. */
import { describe, expect, it } from 'vitest';
import { confirmationEmail, confirmationSms } from '../../../shared/messages/confirmation.ts';
import { confirmation, type FormName } from './fixtures.ts';

/** The sentence promising a response, per form type and language, with Dana and with a queue. */
const PROMISES: ReadonlyArray<{ form: FormName; language: string; rep: string; queue: string }> = [
  {
    form: 'demo',
    language: 'en',
    rep: 'Dana will contact you within 15 minutes to schedule it.',
    queue: 'Our team will contact you within 15 minutes to schedule it.',
  },
  {
    form: 'demo',
    language: 'es',
    rep: 'Dana te contactará en menos de 15 minutos para agendarla.',
    queue: 'Nuestro equipo te contactará en menos de 15 minutos para agendarla.',
  },
  { form: 'quote', language: 'en', rep: 'Dana will get back to you within 15 minutes.', queue: 'Our team will get back to you within 15 minutes.' },
  { form: 'quote', language: 'es', rep: 'Dana te responderá en menos de 15 minutos.', queue: 'Nuestro equipo te responderá en menos de 15 minutos.' },
  { form: 'contact', language: 'en', rep: 'Dana will reply within 15 minutes.', queue: 'Our team will reply within 15 minutes.' },
  { form: 'contact', language: 'es', rep: 'Dana te responderá en menos de 15 minutos.', queue: 'Nuestro equipo te responderá en menos de 15 minutos.' },
  { form: 'service', language: 'en', rep: 'Dana will call you within 15 minutes.', queue: 'Our team will call you within 15 minutes.' },
  { form: 'service', language: 'es', rep: 'Dana te llamará en menos de 15 minutos.', queue: 'Nuestro equipo te llamará en menos de 15 minutos.' },
  {
    form: 'content',
    language: 'en',
    rep: 'Dana will follow up within 15 minutes in case you have questions.',
    queue: 'Our team will follow up within 15 minutes in case you have questions.',
  },
  {
    form: 'content',
    language: 'es',
    rep: 'Dana te escribirá en menos de 15 minutos por si tienes preguntas.',
    queue: 'Nuestro equipo te escribirá en menos de 15 minutos por si tienes preguntas.',
  },
];

/** Words that only appear in a given language's confirmation, to catch a mixed-up table. */
const GREETING: Record<string, string> = { en: 'Hi Ana,', es: 'Hola, Ana:' };

describe('confirmationEmail', () => {
  it.each(PROMISES)('$form in $language names the rep by first name and says by when', ({ form, language, rep }) => {
    const email = confirmationEmail(confirmation(form, {}, { language }));
    expect(email.text).toContain(rep);
    expect(email.text.startsWith(GREETING[language]!)).toBe(true);
    expect(email.html).toContain(`lang="${language}"`);
    expect(email.subject).toMatch(/^Northwind: /);
    // Privacy: the surname never reaches the lead.
    for (const part of [email.subject, email.text, email.html]) expect(part).not.toContain('Reyes');
  });

  it.each(PROMISES)('$form in $language says "our team" for a queue and never names the queue', ({ form, language, queue }) => {
    const email = confirmationEmail(confirmation(form, { owner: { kind: 'queue', name: 'Inbound triage' } }, { language }));
    expect(email.text).toContain(queue);
    for (const part of [email.subject, email.text, email.html]) expect(part.toLowerCase()).not.toContain('triage');
  });

  it.each(PROMISES)('$form in $language gives a next step, a sign-off and the request', ({ form, language }) => {
    const email = confirmationEmail(confirmation(form, {}, { language }));
    const paragraphs = email.text.split('\n\n');
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[2]).toMatch(language === 'es' ? /correo|teléfono/ : /email|phone/);
    expect(paragraphs[3]).toBe(language === 'es' ? 'El equipo de Northwind' : 'The Northwind team');
    expect(paragraphs[4]).toContain(confirmation(form).formTypeLabel);
  });

  it.each([
    ['fr', 'en'],
    [undefined, 'en'],
    ['', 'en'],
    ['es-MX', 'es'],
    ['ES', 'es'],
    ['pt_BR', 'en'],
  ])('a lead in %j is written to in %s', (language, expected) => {
    const email = confirmationEmail(confirmation('demo', {}, { language }));
    expect(email.text.startsWith(GREETING[expected]!)).toBe(true);
  });

  it('says "contact" rather than "call" when the service lead left no phone', () => {
    expect(confirmationEmail(confirmation('service', {}, { phone: undefined })).text).toContain('Dana will contact you within 15 minutes.');
  });

  it('greets without a name when there is none, and keeps a compound first name whole', () => {
    expect(confirmationEmail(confirmation('contact', {}, { firstName: undefined, language: 'es' })).text).toMatch(/^Hola:\n/);
    expect(confirmationEmail(confirmation('contact', {}, { firstName: 'María José', language: 'es' })).text).toMatch(/^Hola, María José:\n/);
  });

  it("writes response times in words, rounded up, in the lead's language", () => {
    expect(confirmationEmail(confirmation('contact', { respondWithinMs: 4 * 3_600_000 })).text).toContain('within 4 hours');
    expect(confirmationEmail(confirmation('contact', { respondWithinMs: 86_400_000 }, { language: 'es' })).text).toContain('en menos de 1 día');
  });

  it('takes an explicit kind over the one read from the form type id', () => {
    const email = confirmationEmail(confirmation('contact', { kind: 'demo' }));
    expect(email.text).toContain('to schedule it');
  });

  it('never mentions routing internals', () => {
    const email = confirmationEmail(confirmation('quote', { owner: { kind: 'rep', name: 'Dana Reyes' } }));
    for (const word of ['route', 'rule', 'named account', 'queue', 'pool', 'territory']) {
      expect(email.text.toLowerCase()).not.toContain(word);
    }
  });
});

describe('confirmationSms', () => {
  it.each(PROMISES)('$form in $language carries the brand and the promise', ({ form, language, rep }) => {
    const sms = confirmationSms(confirmation(form, {}, { language, phone: '+34600123456' }));
    expect(sms.startsWith('Northwind: ')).toBe(true);
    // SMS text is folded to GSM-7: "llamará" is sent as "llamara".
    expect(sms).toContain(rep.replace(/á/g, 'a'));
    expect(sms).not.toContain('Reyes');
  });

  it('reads as expected for the same-day service form', () => {
    expect(confirmationSms(confirmation('service'))).toBe('Northwind: thanks, Ana. Dana will call you within 15 minutes. Keep your phone nearby.');
    expect(confirmationSms(confirmation('service', { owner: { kind: 'queue', name: 'Service dispatch' } }, { language: 'es' }))).toBe(
      'Northwind: gracias, Ana. Nuestro equipo te llamara en menos de 15 minutos. Ten tu teléfono a mano.',
    );
  });
});
