/**
 * Embedding: script tags that mount forms by themselves, the queue stub and its JS API, several
 * forms on one page, Shadow DOM styles with theme and nonce, and form types fetched when the
 * Worker did not inline them. Each case runs against the source and the built bundle.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FORMS, LOADERS, SITE, WORKER, addScript, control, fakeWorker, fillContact, forms, inForm, resetPage, submit, type } from './harness.ts';

/** The snippet a page pastes before widget.js: calls made before it loads are queued. */
function installStub(): (...args: unknown[]) => void {
  const w = window as unknown as { LeadRouter?: { (...args: unknown[]): void; q?: unknown[] } };
  w.LeadRouter =
    w.LeadRouter ||
    function (...args: unknown[]) {
      // The real snippet pushes `arguments`; an array of them replays the same.
      (w.LeadRouter!.q = w.LeadRouter!.q || []).push(args);
    };
  return w.LeadRouter;
}

describe.each(LOADERS)('embedding (%s)', (_, load) => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    resetPage();
    fakeWorker();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  it('mounts a form right after its script tag, in an open shadow root, and adds no global but LeadRouter', async () => {
    const before = new Set(Object.keys(window));
    const script = addScript({ site: SITE, form: 'contact' });
    document.body.append(document.createElement('footer'));
    await load();
    const host = script.nextElementSibling!;
    expect(host.tagName).toBe('LEAD-ROUTER');
    expect(host.shadowRoot!.mode).toBe('open');
    expect(document.body.querySelector('input')).toBeNull(); // nothing leaks into the page's DOM
    expect(Object.keys(window).filter((key) => !before.has(key))).toEqual(['LeadRouter']);
  });

  it('mounts into data-target, themed, with the data-api origin', async () => {
    document.body.innerHTML = '<main><div id="slot"></div></main>';
    const worker = fakeWorker();
    addScript({ site: SITE, form: 'contact', target: '#slot', theme: 'dark', api: 'https://leads.example.com' });
    await load();
    const host = document.querySelector('#slot > lead-router')!;
    expect(host.getAttribute('data-theme')).toBe('dark');
    fillContact();
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    expect(worker.posts()[0]!.url).toBe('https://leads.example.com/v1/leads');
  });

  it('styles each shadow root once, with a constructed sheet the strict CSP allows', async () => {
    addScript({ site: SITE, form: 'contact' });
    await load();
    const root = forms()[0]!;
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.querySelectorAll('style')).toHaveLength(0);
    expect([...root.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText).join('\n')).toContain('--lr-accent');
  });

  it('falls back to a <style> carrying the CSP nonce where sheets cannot be constructed', async () => {
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('not supported');
    });
    try {
      addScript({ site: SITE, form: 'contact', nonce: 'r4nd0m' });
      await load();
      const styles = forms()[0]!.querySelectorAll('style');
      expect(styles).toHaveLength(1);
      expect(styles[0]!.nonce || styles[0]!.getAttribute('nonce')).toBe('r4nd0m');
      expect(styles[0]!.textContent).toContain(':host([data-theme=dark])');
    } finally {
      replaceSync.mockRestore();
    }
  });

  it('shows two forms on one page, each its own: two script tags, each running the bundle', async () => {
    const worker = fakeWorker();
    document.body.innerHTML = '<section id="second"></section>';
    addScript({ site: SITE, form: 'demo_request' }, document.body);
    await load();
    addScript({ site: SITE, form: 'contact', target: '#second', lang: 'es' });
    await load();
    expect(forms()).toHaveLength(2);
    const demo = document.querySelector('body > lead-router')!.shadowRoot!;
    const contact = document.querySelector('#second > lead-router')!.shadowRoot!;
    // The Spanish form renders once its strings' chunk is there.
    await vi.waitFor(() => expect(inForm(contact).getByRole('button').textContent).toBe('Enviar'));
    expect(control('company', demo)).toBeTruthy();
    expect(control('company', contact)?.required).toBe(false);
    type('firstName', 'Ana', contact);
    type('email', 'ana@acme.com', contact);
    type('message', 'Hola', contact);
    submit(contact);
    await vi.waitFor(() => expect(inForm(contact).getByText(/Dana te responderá/)).toBeTruthy());
    expect(worker.posts().map((post) => post.body.formType)).toEqual(['contact']);
    expect(control('firstName', demo).value).toBe('');
    expect(inForm(demo).getByRole('button').textContent).toBe('Book a demo');
  });

  it('replays calls queued before it loaded, then takes calls directly', async () => {
    document.body.innerHTML = '<div id="box"></div>';
    const stub = installStub();
    const submitted = vi.fn();
    stub('on', 'submitted', submitted);
    stub('prefill', { firstName: 'Ana', email: 'ana@acme.com' });
    stub('mount', { target: '#box', site: SITE, form: 'contact' });
    addScript();
    await load();
    expect(window.LeadRouter).not.toBe(stub);
    const root = forms()[0]!;
    expect(root.host.parentElement!.id).toBe('box');
    expect(control('firstName').value).toBe('Ana');
    expect(control('email').value).toBe('ana@acme.com');
    window.LeadRouter!('prefill', { message: 'Hello', consent: true });
    expect(control('message').value).toBe('Hello');
    expect(control('consent').checked).toBe(true);
    submit();
    await vi.waitFor(() => expect(submitted).toHaveBeenCalledWith(expect.objectContaining({ formType: 'contact', leadId: 'lead_1' })));
  });

  it('mounts with the options of a JS call: element target, language, prefill', async () => {
    const slot = document.body.appendChild(document.createElement('div'));
    addScript();
    await load();
    window.LeadRouter!('mount', { target: slot, site: SITE, form: 'quote_request', lang: 'es', prefill: { company: 'Acme', product: 'Payroll' } });
    expect(slot.querySelector('lead-router')).toBeTruthy();
    await vi.waitFor(() => expect(inForm().getByText('Producto o servicio')).toBeTruthy());
    expect(control('company').value).toBe('Acme');
    expect(control('product').value).toBe('Payroll');
  });

  it('waits for the page to be parsed when a queued mount names a target not there yet', async () => {
    const stub = installStub();
    stub('mount', { target: '#later', site: SITE, form: 'contact' });
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' });
    try {
      addScript();
      await load();
      expect(forms()).toHaveLength(0);
      document.body.append(Object.assign(document.createElement('div'), { id: 'later' }));
    } finally {
      delete (document as { readyState?: string }).readyState;
    }
    window.dispatchEvent(new Event('DOMContentLoaded'));
    expect(document.querySelector('#later > lead-router')).toBeTruthy();
  });

  it('warns about bad calls and skips them, never throwing into the page', async () => {
    const stub = installStub();
    stub('mount', { target: '#missing', site: SITE, form: 'contact' });
    stub('explode');
    stub('on', 'nonsense', () => {});
    stub('on', 'submitted', 'not a function');
    addScript();
    await expect(load()).resolves.toBeUndefined();
    const api = window.LeadRouter!;
    const calls: unknown[][] = [['mount'], ['mount', null], ['mount', { target: document.body }], ['prefill', 42], [undefined]];
    for (const call of calls) expect(() => (api as (...args: unknown[]) => void)(...call)).not.toThrow();
    expect(warn.mock.calls.length).toBeGreaterThanOrEqual(4 + calls.length);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^LeadRouter/);
    expect(forms()).toHaveLength(0);
  });

  it('keeps a throwing analytics handler from breaking the form', async () => {
    const worker = fakeWorker();
    addScript({ site: SITE, form: 'contact' });
    await load();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    window.LeadRouter!('on', 'submitted', () => {
      throw new Error('analytics down');
    });
    window.LeadRouter!('on', 'submitted', after);
    fillContact();
    submit();
    await vi.waitFor(() => expect(inForm().getByText(/Dana/)).toBeTruthy());
    expect(worker.posts()).toHaveLength(1);
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledWith(new Error('analytics down'));
    error.mockRestore();
  });

  it('fetches the form type from the Worker when it is not inlined', async () => {
    resetPage(null);
    const worker = fakeWorker();
    addScript({ site: SITE, form: 'urgent_service' });
    await load();
    await vi.waitFor(() => expect(control('postalCode')).toBeTruthy());
    expect(worker.requests[0]!.url).toBe(`${WORKER}/v1/forms/urgent_service?site=demo`);
    expect(control('phone').required).toBe(true);
    expect(inForm().getByRole('button').textContent).toBe(FORMS.urgent_service!.label);
  });

  it('says so, and fires error, when the form type cannot be loaded', async () => {
    resetPage(null);
    fakeWorker();
    const errors = vi.fn();
    document.addEventListener('leadrouter:error', (event) => errors((event as CustomEvent).detail));
    addScript({ site: SITE, form: 'no_such_form' });
    await load();
    await vi.waitFor(() => expect(inForm().getByRole('alert').textContent).toBe('Sorry, this form cannot be sent right now.'));
    expect(errors).toHaveBeenCalledWith({ formType: 'no_such_form', reason: 'load' });
  });
});
