/**
 * Sending a lead: the request, retries that keep the entry until it is accepted, one lead per
 * double click, the server's issues on the fields, and the success state that names the owner.
 * Each case runs against the source and the built bundle.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACCEPTED,
  ACCEPTED_JUNK,
  LOADERS,
  addScript,
  autofill,
  control,
  fakeWorker,
  fillContact,
  forms,
  inForm,
  invalid,
  paste,
  pendingKey,
  rendered,
  resetPage,
  submit,
  type,
  typeKeys,
} from './harness.ts';

describe.each(LOADERS)('submitting (%s)', (_, load) => {
  beforeEach(() => resetPage());
  afterEach(() => vi.useRealTimers());

  async function contactForm(data: Record<string, string> = {}) {
    addScript({ site: 'demo', form: 'contact', ...data });
    await load();
    await rendered();
    fillContact();
  }

  it('posts the lead with its site key, an idempotency key and the page context', async () => {
    history.replaceState(null, '', '/pricing?utm_source=google&utm_campaign=spring');
    sessionStorage.clear();
    const worker = fakeWorker();
    await contactForm();
    history.replaceState(null, '', '/contact');
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    const [post] = worker.posts();
    expect(post!.url).toBe('https://router.test/v1/leads');
    expect(post!.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-Site-Key': 'demo' });
    expect(post!.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(post!.body).toMatchObject({
      formType: 'contact',
      fields: { firstName: 'Ana', email: 'ana@acme.com', message: 'We need a quote for 40 seats' },
      context: {
        pageUrl: `${location.origin}/contact`,
        landingUrl: `${location.origin}/pricing?utm_source=google&utm_campaign=spring`,
        utm: { source: 'google', campaign: 'spring' },
        locale: navigator.language,
        honeypot: '',
      },
    });
    expect(post!.body.context.timeOnFormMs).toBeGreaterThanOrEqual(0);
  });

  it('measures time on form from the first focus', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const worker = fakeWorker();
    addScript({ site: 'demo', form: 'contact' });
    await load();
    vi.advanceTimersByTime(60_000); // the page was open a minute before the person started
    fillContact();
    vi.advanceTimersByTime(12_000);
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    expect(worker.posts()[0]!.body.context.timeOnFormMs).toBe(12_000);
  });

  it('reports how the values got in: keys typed, and neither autofill nor paste when there was none', async () => {
    const worker = fakeWorker();
    addScript({ site: 'demo', form: 'contact' });
    await load();
    await rendered();
    typeKeys('firstName', 'Ana');
    typeKeys('email', 'ana@acme.com');
    typeKeys('message', 'Hi');
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    expect(worker.posts()[0]!.body.context).toMatchObject({ keysTyped: 17, autofilled: false, pasted: false });
  });

  it('reports autofill as Chrome fires it (no inputType, key events without a key): a fast fill the Worker can explain', async () => {
    // issue 9, case 4: an autofilled demo form sent 1.5 s after the first focus was junk.
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const worker = fakeWorker();
    addScript({ site: 'demo', form: 'contact' });
    await load();
    autofill({ firstName: 'Ana', email: 'ana@acme.com' });
    typeKeys('message', 'Hi');
    vi.advanceTimersByTime(1500);
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    expect(worker.posts()[0]!.body.context).toMatchObject({ timeOnFormMs: 1500, autofilled: true, pasted: false, keysTyped: 2 });
  });

  it('sends the consent wording the person saw when they tick the box, and none when they do not', async () => {
    const worker = fakeWorker(ACCEPTED, ACCEPTED);
    await contactForm();
    type('consent', true);
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    expect(worker.posts()[0]!.body).toMatchObject({ fields: { consent: true }, context: { consentText: 'I agree to be contacted' } });
    resetPage();
    await contactForm();
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(2));
    expect(worker.posts()[1]!.body.context.consentText).toBeUndefined();
  });

  it('reports a paste', async () => {
    const worker = fakeWorker();
    addScript({ site: 'demo', form: 'contact' });
    await load();
    await rendered();
    typeKeys('firstName', 'Ana');
    paste('email', 'ana@acme.com');
    typeKeys('message', 'Hi');
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    expect(worker.posts()[0]!.body.context).toMatchObject({ autofilled: false, pasted: true, keysTyped: 5 });
  });

  it('sends the honeypot as filled', async () => {
    const worker = fakeWorker();
    await contactForm();
    control('lr_hp').value = 'http://spam.example';
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    expect(worker.posts()[0]!.body.context.honeypot).toBe('http://spam.example');
  });

  it('shows who answers and when: "Dana will get back to you within 15 minutes."', async () => {
    fakeWorker();
    await contactForm();
    submit();
    const success = await vi.waitFor(() => inForm().getByText(/will get back to you/));
    expect(success.closest('.ok')!.textContent).toBe('Thank you! Dana will get back to you within 15 minutes.');
    expect(forms()[0]!.activeElement).toBe(success.closest('.ok'));
    expect(forms()[0]!.querySelector('form')).toBeNull();
  });

  it('says it in Spanish: "Dana te responderá en menos de 15 minutos."', async () => {
    fakeWorker();
    await contactForm({ lang: 'es' });
    submit();
    const success = await vi.waitFor(() => inForm().getByText(/te responderá/));
    expect(success.closest('.ok')!.textContent).toBe('¡Gracias! Dana te responderá en menos de 15 minutos.');
  });

  it.each([
    ['en', 'Thank you! We received your request.'],
    ['es', '¡Gracias! Hemos recibido tu solicitud.'],
  ])('promises nothing when the Worker promises nothing (a junk lead, %s): "%s"', async (lang, text) => {
    // issue 9, case 4: the form said "Our team will get back to you within 4 hours" to a lead nobody would answer.
    const submitted = vi.fn();
    fakeWorker(ACCEPTED_JUNK);
    await contactForm({ lang });
    forms()[0]!.host.addEventListener('leadrouter:submitted', (event) => submitted((event as CustomEvent).detail));
    submit();
    await vi.waitFor(() => expect(forms()[0]!.querySelector('.ok')).toBeTruthy());
    expect(forms()[0]!.querySelector('.ok')!.textContent).toBe(text);
    expect(submitted).toHaveBeenCalledWith({ formType: 'contact', leadId: 'lead_j', owner: { name: null }, respondWithin: null });
  });

  it.each([
    ['en', null, 60, 'contact', 'Our team will get back to you within 1 hour.'],
    ['es', null, 240, 'contact', 'Nuestro equipo te responderá en menos de 4 horas.'],
    ['en', 'Sam', 15, 'urgent_service', 'Sam will call you within 15 minutes.'],
    ['es', 'Sam', 1, 'urgent_service', 'Sam te llamará en menos de 1 minuto.'],
  ])('words %s, owner %s, %i minutes, %s: %s', async (lang, name, minutes, formType, text) => {
    fakeWorker({ status: 202, body: { leadId: 'lead_2', owner: { name }, respondWithin: { minutes } } });
    addScript({ site: 'demo', form: formType, lang });
    await load();
    await rendered();
    if (formType === 'urgent_service') {
      type('firstName', 'Ana');
      type('phone', '(415) 555-0123');
      type('postalCode', '94107');
    } else fillContact();
    submit();
    await vi.waitFor(() => expect(forms()[0]!.querySelector('.ok')?.textContent).toContain(text));
  });

  it('makes one submission of a double click', async () => {
    const worker = fakeWorker();
    await contactForm();
    submit();
    submit();
    await vi.waitFor(() => expect(inForm().getByText(/Dana/)).toBeTruthy());
    expect(worker.posts()).toHaveLength(1);
  });

  it('puts the server’s issues on their fields and focuses the first', async () => {
    const worker = fakeWorker(
      invalid(
        { field: 'email', code: 'invalid', message: 'This domain does not receive mail' },
        { field: 'phone', code: 'invalid', message: 'Enter a phone number valid in US' },
      ),
    );
    const errors = vi.fn();
    await contactForm();
    forms()[0]!.host.addEventListener('leadrouter:error', (event) => errors((event as CustomEvent).detail));
    type('phone', '415 555 0123');
    submit();
    await vi.waitFor(() => expect(control('email').getAttribute('aria-invalid')).toBe('true'));
    expect(inForm().getByText('This domain does not receive mail')).toBeTruthy();
    expect(inForm().getByText('Enter a phone number valid in US')).toBeTruthy();
    expect(inForm().getByRole('alert').textContent).toBe('Please check: Email, Phone');
    expect(forms()[0]!.activeElement).toBe(control('email'));
    expect(localStorage.getItem(pendingKey('contact'))).toBeNull();
    expect(errors).toHaveBeenCalledWith(expect.objectContaining({ formType: 'contact', reason: 'invalid', status: 400 }));
    // Fixed and sent again: a new submission, with its own key.
    type('email', 'ana@acme.io');
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(2));
    expect(worker.posts()[1]!.headers['Idempotency-Key']).not.toBe(worker.posts()[0]!.headers['Idempotency-Key']);
  });

  it('translates the server’s issues by code in Spanish, and keeps its text for codes it does not know', async () => {
    fakeWorker(invalid({ field: 'email', code: 'invalid', message: 'x' }, { field: 'firstName', code: 'weird' as never, message: 'Server says no' }));
    await contactForm({ lang: 'es' });
    submit();
    await vi.waitFor(() => expect(inForm().getByText('Escribe un correo como nombre@empresa.com')).toBeTruthy());
    expect(inForm().getByText('Server says no')).toBeTruthy();
  });

  it.each([
    [403, 'Sorry, this form cannot be sent from this page. Please write to hello@northwind.example.'],
    [413, 'This form is too long to send.'],
  ])('shows a %i as a form-level error, without retrying', async (status, text) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const worker = fakeWorker({ status, body: { error: 'x', message: 'y' } });
    await contactForm();
    submit();
    await vi.waitFor(() => expect(inForm().getByRole('alert').textContent).toBe(text));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(worker.posts()).toHaveLength(1);
    expect(localStorage.getItem(pendingKey('contact'))).toBeNull();
    expect(inForm().getByRole<HTMLButtonElement>('button').closest('fieldset')!.disabled).toBe(false);
  });

  it('keeps the entry through 429, 500 and a network failure, retrying with backoff and the same key until accepted', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const worker = fakeWorker({ status: 429, body: { error: 'rate_limited' } }, { status: 500 }, 'network', ACCEPTED);
    const submitted = vi.fn();
    await contactForm();
    forms()[0]!.host.addEventListener('leadrouter:submitted', submitted);
    submit();
    await vi.advanceTimersByTimeAsync(0);
    expect(inForm().getByRole('status').textContent).toBe('Saved, we are sending it…');
    const saved = JSON.parse(localStorage.getItem(pendingKey('contact'))!);
    expect(saved.submission.fields.email).toBe('ana@acme.com');
    await vi.advanceTimersByTimeAsync(10_000);
    await vi.waitFor(() => expect(inForm().getByText(/Dana will get back to you/)).toBeTruthy());
    const posts = worker.posts();
    expect(posts).toHaveLength(4);
    expect(new Set(posts.map((post) => post.headers['Idempotency-Key']))).toEqual(new Set([saved.key]));
    expect(posts.map((post, i) => (i ? post.at - posts[i - 1]!.at : 0))).toEqual([0, 1000, 2000, 4000]);
    expect(localStorage.getItem(pendingKey('contact'))).toBeNull();
    expect(submitted).toHaveBeenCalledOnce();
  });

  it('caps the backoff at 30 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const worker = fakeWorker(...Array.from({ length: 8 }, () => ({ status: 503 })));
    await contactForm();
    submit();
    await vi.advanceTimersByTimeAsync(200_000);
    const gaps = worker.posts().map((post, i, posts) => (i ? post.at - posts[i - 1]!.at : 0));
    expect(gaps.slice(1, 8)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('retries at once when the browser comes back online', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const worker = fakeWorker('network', 'network');
    await contactForm();
    submit();
    await vi.advanceTimersByTimeAsync(1000);
    expect(worker.posts()).toHaveLength(2);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(inForm().getByText(/Dana/)).toBeTruthy());
    expect(worker.posts()).toHaveLength(3);
    expect(worker.posts()[2]!.at - worker.posts()[1]!.at).toBeLessThan(1000);
  });

  it('sends an entry an earlier page left unsent, with the same key, when the form mounts again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const offline = fakeWorker('network');
    await contactForm();
    submit();
    await vi.waitFor(() => expect(inForm().getByRole('status').textContent).toBe('Saved, we are sending it…'));
    const key = offline.posts()[0]!.headers['Idempotency-Key'];
    // The person leaves; the next page mounts the form again.
    const saved = localStorage.getItem(pendingKey('contact'))!;
    resetPage();
    localStorage.setItem(pendingKey('contact'), saved);
    const worker = fakeWorker({ status: 503 });
    addScript({ site: 'demo', form: 'contact' });
    await load();
    expect(control('email').value).toBe('ana@acme.com');
    await vi.waitFor(() => expect(inForm().getByRole('status').textContent).toBe('Saved, we are sending it…'));
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(inForm().getByText(/Dana will get back to you/)).toBeTruthy());
    expect(worker.posts().map((post) => post.headers['Idempotency-Key'])).toEqual([key, key]);
    expect(localStorage.getItem(pendingKey('contact'))).toBeNull();
  });

  it('fires submitted through LeadRouter("on") and as a DOM event, and no duplicate event, whatever the Worker says', async () => {
    // The 202 no longer says `duplicate` (it told anyone with a site key whether an address had enquired).
    fakeWorker({ status: 202, body: { ...ACCEPTED.body, leadId: 'lead_9', duplicate: true } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onSubmitted = vi.fn();
    const onDuplicate = vi.fn();
    const domEvents: string[] = [];
    document.addEventListener('leadrouter:submitted', (event) => domEvents.push(`${event.type}:${(event.target as Element).tagName}`));
    document.addEventListener('leadrouter:duplicate', (event) => domEvents.push(event.type));
    await contactForm();
    window.LeadRouter!('on', 'submitted', onSubmitted);
    window.LeadRouter!('on', 'duplicate' as never, onDuplicate);
    submit();
    await vi.waitFor(() => expect(onSubmitted).toHaveBeenCalled());
    expect(onSubmitted).toHaveBeenCalledWith({ formType: 'contact', leadId: 'lead_9', owner: { name: 'Dana' }, respondWithin: { minutes: 15 } });
    expect(onDuplicate).not.toHaveBeenCalled();
    expect(domEvents).toEqual(['leadrouter:submitted:LEAD-ROUTER']);
    expect(warn).toHaveBeenCalledWith('LeadRouter: skipped', 'on', 'duplicate');
    warn.mockRestore();
  });
});
