/**
 * The form as a person meets it: every form type's fields, labels and required marks; errors
 * announced and focused; the email hints. Each case runs against the source and the built bundle.
 */
import { fireEvent } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LEAD_FIELDS } from '../../shared/lead/fields.ts';
import { FORMS, LOADERS, addScript, control, fakeWorker, fillContact, forms, inForm, resetPage, submit, type } from './harness.ts';

const TYPES: Partial<Record<string, string>> = { email: 'email', phone: 'tel', url: 'url', checkbox: 'checkbox' };

describe.each(LOADERS)('the form (%s)', (_, load) => {
  beforeEach(() => {
    resetPage();
    fakeWorker();
  });

  it.each(Object.keys(FORMS))('renders the %s form type: its fields in order, labels, required marks', async (formType) => {
    addScript({ site: 'demo', form: formType });
    await load();
    const spec = FORMS[formType]!;
    const root = forms()[0]!;
    const names = [...root.querySelectorAll('input, select, textarea')].map((el) => el.getAttribute('name')).filter((name) => name !== 'lr_hp');
    expect(names).toEqual(spec.fields);
    for (const name of spec.fields) {
      const field: { label: string; kind: string } = LEAD_FIELDS[name];
      const el = control(name);
      const label = root.querySelector(`label[for="${el.id}"]`)!;
      expect(label.textContent).toContain(name === 'consent' ? 'I agree to be contacted' : field.label);
      expect(el.required).toBe(spec.required.includes(name));
      expect(label.querySelector('.req')?.textContent?.trim() ?? '').toBe(spec.required.includes(name) ? '*' : '');
      const tag = field.kind === 'select' || field.kind === 'textarea' ? field.kind : 'input';
      expect(el.tagName.toLowerCase()).toBe(tag);
      if (tag === 'input') expect(el.type).toBe(TYPES[field.kind] ?? 'text');
    }
    expect(inForm().getByRole('button').textContent).toBe(spec.label);
  });

  it('names what the browser may autofill, and keeps autofill out of the rest (Chrome put the company name in "Company size")', async () => {
    addScript({ site: 'demo', form: 'demo_request' });
    await load();
    for (const name of FORMS.demo_request!.fields) {
      const token = (LEAD_FIELDS[name] as { autocomplete?: string }).autocomplete;
      // An unknown token: Chrome's address autofill leaves the field alone (`off` it ignores).
      expect(control(name).getAttribute('autocomplete')).toBe(token ?? 'none');
    }
  });

  it('offers the configured products in a select', async () => {
    addScript({ site: 'demo', form: 'quote_request' });
    await load();
    const options = [...control('product').querySelectorAll('option')].map((option) => option.textContent);
    expect(options).toEqual(['Choose…', 'Payments', 'Payroll', 'Analytics', 'Managed IT']);
  });

  it('announces errors on submit: aria-invalid, aria-describedby, the alert region, focus on the first', async () => {
    addScript({ site: 'demo', form: 'contact' });
    await load();
    const root = forms()[0]!;
    type('email', 'ana@');
    submit();
    const alert = inForm().getByRole('alert');
    expect(alert.textContent).toBe('Please check: First name, Email, Message');
    for (const [name, message] of [
      ['firstName', 'First name is required'],
      ['email', 'Enter an email address like name@company.com'],
      ['message', 'Message is required'],
    ] as const) {
      const el = control(name);
      expect(el.getAttribute('aria-invalid')).toBe('true');
      const described = el
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => root.getElementById(id)?.textContent);
      expect(described).toContain(message);
    }
    expect(control('phone').hasAttribute('aria-invalid')).toBe(false);
    expect(root.activeElement).toBe(control('firstName'));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('checks a field as the person leaves it, and clears the error once it is fixed', async () => {
    addScript({ site: 'demo', form: 'contact' });
    await load();
    type('phone', '12');
    expect(inForm().getByText('Enter a phone number with its area code')).toBeTruthy();
    const phone = control('phone');
    phone.value = '+1 415 555 0123';
    fireEvent.input(phone);
    expect(phone.hasAttribute('aria-invalid')).toBe(false);
    expect(inForm().queryByText('Enter a phone number with its area code')).toBeNull();
  });

  it('needs the required consent ticked', async () => {
    addScript({ site: 'demo', form: 'content_download' });
    await load();
    type('firstName', 'Ana');
    type('email', 'ana@acme.com');
    submit();
    expect(control('consent').getAttribute('aria-invalid')).toBe('true');
    expect(forms()[0]!.activeElement).toBe(control('consent'));
    expect(inForm().getByText('Please tick this box to continue')).toBeTruthy();
    type('consent', true);
    submit();
    await vi.waitFor(() => expect(inForm().getByText(/Dana will get back to you/)).toBeTruthy());
  });

  it('asks for a work address where the form type does, and says why a free one is refused', async () => {
    addScript({ site: 'demo', form: 'demo_request' });
    await load();
    const root = forms()[0]!;
    expect(root.getElementById(control('email').getAttribute('aria-describedby')!)?.textContent).toBe('Please use your work email address');
    type('email', 'ana@gmail.com');
    expect(control('email').getAttribute('aria-invalid')).toBe('true');
    expect(inForm().getAllByText('Please use your work email address')).toHaveLength(2);
  });

  it('suggests the likely address for a typo, and applies it on request', async () => {
    addScript({ site: 'demo', form: 'contact' });
    await load();
    type('email', 'ana@gmial.com');
    const hint = inForm().getByText(/Did you mean/);
    expect(hint.textContent).toBe('Did you mean ana@gmail.com? Use it');
    expect(control('email').getAttribute('aria-describedby')).toContain(hint.id);
    fireEvent.click(inForm().getByRole('button', { name: 'Use it' }));
    expect(control('email').value).toBe('ana@gmail.com');
    expect(inForm().queryByText(/Did you mean/)).toBeNull();
    expect(forms()[0]!.activeElement).toBe(control('email'));
  });

  it('speaks Spanish from data-lang: labels, errors, button', async () => {
    addScript({ site: 'demo', form: 'contact', lang: 'es' });
    await load();
    await vi.waitFor(() => expect(inForm().getByRole('button').textContent).toBe('Enviar'));
    type('email', 'ana@');
    submit();
    expect(inForm().getByRole('alert').textContent).toBe('Revisa: Nombre, Correo electrónico, Mensaje');
    expect(inForm().getByText('Escribe un correo como nombre@empresa.com')).toBeTruthy();
    expect(inForm().getAllByText('Obligatorio')).toHaveLength(2);
  });

  it('takes the language from <html lang> when the tag names none', async () => {
    document.documentElement.lang = 'es-MX';
    addScript({ site: 'demo', form: 'contact' });
    await load();
    await vi.waitFor(() => expect(inForm().getByText('Correo electrónico')).toBeTruthy());
    fillContact();
    submit();
    await vi.waitFor(() => expect(inForm().getByText(/Dana te responderá/)).toBeTruthy());
    expect((fetch as unknown as ReturnType<typeof vi.fn>).mock.calls.length).toBe(1);
  });

  it('is usable by keyboard: native controls in order, the honeypot out of the tab order', async () => {
    addScript({ site: 'demo', form: 'quote_request' });
    await load();
    const root = forms()[0]!;
    const honeypot = control('lr_hp');
    expect(honeypot.tabIndex).toBe(-1);
    expect(honeypot.getAttribute('aria-hidden')).toBe('true');
    expect([...root.querySelectorAll('[tabindex]')].filter((el) => (el as HTMLElement).tabIndex > 0)).toEqual([]);
    expect(inForm().getByRole('button').getAttribute('type')).toBeNull(); // a submit button: Enter submits
  });

  it('trims values and sends only the form type’s fields', async () => {
    const worker = fakeWorker();
    addScript({ site: 'demo', form: 'contact' });
    await load();
    type('firstName', '  Ana ');
    type('email', 'ana@acme.com ');
    type('message', 'Hello');
    type('consent', true);
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    expect(worker.posts()[0]!.body.fields).toEqual({ firstName: 'Ana', email: 'ana@acme.com', message: 'Hello', consent: true });
  });
});
