/**
 * No silent loss at the edge (issue 9, case 5): a submission the Worker refuses, or that the
 * page cannot send (its CSP blocks the Worker, an extension or a proxy drops it), is told to
 * the person with a way to reach the business, to the marketer in the console and the `error`
 * event, and is not retried forever behind "Saved, we are sending it…". Offline, it is kept
 * and sent when the browser is back online. Each case runs against the source and the bundle.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOADERS, addScript, fakeWorker, fillContact, forms, inForm, pendingKey, rendered, resetPage, submit, WORKER } from './harness.ts';

/** What a browser fires when the page's CSP refuses a connection (`connect-src`). */
function cspViolation(blockedURI: string): void {
  const event = Object.assign(new Event('securitypolicyviolation', { bubbles: true, composed: true }), {
    blockedURI,
    effectiveDirective: 'connect-src',
    violatedDirective: 'connect-src',
  });
  document.dispatchEvent(event);
}

describe.each(LOADERS)('refused, blocked, offline (%s)', (_, load) => {
  let consoleError: ReturnType<typeof vi.spyOn>;
  let errors: unknown[];
  beforeEach(() => {
    resetPage();
    consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    errors = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => {
    consoleError.mockRestore();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  async function contactForm(data: Record<string, string> = {}) {
    addScript({ site: 'demo', form: 'contact', ...data });
    await load();
    await rendered();
    forms()[0]!.host.addEventListener('leadrouter:error', (event) => errors.push((event as CustomEvent).detail));
    fillContact();
  }

  const status = () => inForm().getByRole('status').textContent;
  const alert = () => inForm().getByRole('alert').textContent;

  it("tells the person how to reach the business when the Worker refuses the page's origin, once, without retrying", async () => {
    const message = `Origin ${location.origin} is not allowed for site "demo"`;
    const worker = fakeWorker({ status: 403, body: { error: 'forbidden', message } });
    await contactForm();
    submit();
    await vi.waitFor(() => expect(alert()).toBe('Sorry, this form cannot be sent from this page. Please write to hello@northwind.example.'));
    expect(status()).toBe('');
    expect(errors).toEqual([{ formType: 'contact', reason: 'refused', status: 403, message }]);
    expect(consoleError).toHaveBeenCalledWith('LeadRouter: refused', message);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(worker.posts()).toHaveLength(1);
    expect(localStorage.getItem(pendingKey('contact'))).toBeNull();
    // What the person typed is still there, and the button works again.
    expect(inForm().getByRole<HTMLButtonElement>('button').closest('fieldset')!.disabled).toBe(false);
  });

  it('says it in Spanish', async () => {
    fakeWorker({ status: 403, body: { error: 'forbidden', message: 'x' } });
    await contactForm({ lang: 'es' });
    submit();
    await vi.waitFor(() => expect(alert()).toBe('Lo sentimos, este formulario no se puede enviar desde esta página. Escríbenos a hello@northwind.example.'));
  });

  it('asks for another way when the config names no contact', async () => {
    const { contact: _, ...form } = (await import('./harness.ts')).FORMS.contact!;
    resetPage({ ...(await import('./harness.ts')).FORMS, contact: form });
    fakeWorker({ status: 403, body: { error: 'forbidden', message: 'x' } });
    await contactForm();
    submit();
    await vi.waitFor(() => expect(alert()).toBe('Sorry, this form cannot be sent from this page. Please contact us another way.'));
  });

  it.each([
    ['before', true],
    ['after', false],
  ])("knows the page's CSP blocks the Worker (the violation fired %s the failure): blocked, final", async (_when, first) => {
    const worker = fakeWorker('network', 'network', 'network');
    await contactForm();
    if (first) {
      // Chrome queues the violation as the fetch is refused: it may arrive first.
      globalThis.fetch = vi.fn(async () => {
        cspViolation(`${WORKER}/v1/leads`);
        throw new TypeError('Failed to fetch');
      }) as typeof fetch;
    }
    submit();
    await vi.advanceTimersByTimeAsync(0);
    if (!first) cspViolation(`${WORKER}/v1/leads`);
    await vi.waitFor(() => expect(errors).toEqual([{ formType: 'contact', reason: 'blocked', status: 0 }]));
    expect(alert()).toBe('Sorry, this form cannot be sent from this page. Please write to hello@northwind.example.');
    expect(status()).toBe('');
    expect(consoleError).toHaveBeenCalledWith('LeadRouter: blocked', `${WORKER} (connect-src?)`);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(first ? (globalThis.fetch as ReturnType<typeof vi.fn>).mock.calls.length : worker.posts().length).toBe(1);
    expect(localStorage.getItem(pendingKey('contact'))).toBeNull();
  });

  it('ignores violations of other URLs', async () => {
    fakeWorker('network');
    await contactForm();
    submit();
    await vi.advanceTimersByTimeAsync(0);
    cspViolation('https://analytics.example/collect');
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(inForm().getByText(/Dana will get back to you/)).toBeTruthy());
    expect(errors).toEqual([]);
  });

  it('calls it blocked when the Worker cannot be reached three times in a row while the browser is online (an extension, a proxy)', async () => {
    const worker = fakeWorker('network', 'network', 'network', 'network');
    await contactForm();
    submit();
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toBe('Saved, we are sending it…');
    await vi.advanceTimersByTimeAsync(3_000);
    await vi.waitFor(() => expect(errors).toEqual([{ formType: 'contact', reason: 'blocked', status: 0 }]));
    expect(worker.posts()).toHaveLength(3);
    expect(alert()).toBe('Sorry, this form cannot be sent from this page. Please write to hello@northwind.example.');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(worker.posts()).toHaveLength(3);
  });

  it('keeps an offline submission and sends it when the browser is back online, telling the marketer once', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const worker = fakeWorker('network', 'network', 'network', 'network', 'network');
    await contactForm();
    submit();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(worker.posts().length).toBeGreaterThan(3);
    expect(status()).toBe('Saved, we are sending it…');
    expect(errors).toEqual([{ formType: 'contact', reason: 'offline', status: 0 }]);
    expect(JSON.parse(localStorage.getItem(pendingKey('contact'))!).submission.fields.email).toBe('ana@acme.com');
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(inForm().getByText(/Dana will get back to you/)).toBeTruthy());
    expect(localStorage.getItem(pendingKey('contact'))).toBeNull();
  });
});
