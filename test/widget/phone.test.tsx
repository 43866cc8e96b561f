/**
 * The lazy chunks, the phone one above all: nothing fetched on first load; libphonenumber-js
 * fetched, from next to widget.js, when the phone field is first used; the number formatted as
 * it is typed and sent in E.164; the raw number sent when the chunk cannot be loaded; the
 * country from `data-country`, the locale, then the form type. Also the email chunk arriving
 * after the person left the field. Each case runs against the source and the built bundle
 * (its chunks too: `widget-<name>.js` as built).
 */
import { fireEvent } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FORMS,
  LOADERS,
  WORKER,
  addScript,
  backspace,
  chunkRequests,
  control,
  failingChunks,
  fakeWorker,
  forms,
  holdChunks,
  inForm,
  inlineStrings,
  rendered,
  resetPage,
  submit,
  type,
  typeKeys,
} from './harness.ts';

/** The chunk files the page asked for. */
const requested = () => chunkRequests.map((request) => request.url);

describe.each(LOADERS)('lazy chunks and the phone (%s)', (_, load) => {
  beforeEach(() => resetPage());
  afterEach(() => vi.restoreAllMocks());

  /** An urgent_service form (phone required, US by default), the phone chunk loaded. */
  async function serviceForm(data: Record<string, string> = {}) {
    const worker = fakeWorker();
    addScript({ site: 'demo', form: 'urgent_service', ...data });
    await load();
    await rendered();
    return worker;
  }

  /** Fills the other required fields of urgent_service and submits; returns the phone sent. */
  async function submitService(worker: ReturnType<typeof fakeWorker>): Promise<unknown> {
    type('firstName', 'Jamie');
    type('postalCode', '94107');
    submit();
    await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
    return worker.posts()[0]!.body.fields.phone;
  }

  it('fetches nothing but widget.js on first load; the phone chunk when the phone field is focused, next to widget.js, with its nonce', async () => {
    const script = addScript({ site: 'demo', form: 'urgent_service' });
    script.nonce = 'n0nce';
    fakeWorker();
    await load();
    type('firstName', 'Jamie');
    type('postalCode', '94107');
    expect(requested()).toEqual([]);
    fireEvent.focusIn(control('phone'));
    expect(chunkRequests).toEqual([{ url: `${WORKER}/widget-phone.js`, nonce: 'n0nce' }]);
    // Once per page, however often the field is used.
    type('phone', '4155552671');
    fireEvent.focusIn(control('phone'));
    expect(requested()).toEqual([`${WORKER}/widget-phone.js`]);
  });

  it('resolves chunks from the URL widget.js came from, not the page or the API', async () => {
    fakeWorker();
    addScript({ site: 'demo', form: 'contact', api: 'https://leads.example.com' }, document.body, 'https://cdn.example/lr/v1/widget.js');
    await load();
    fireEvent.focusIn(control('email'));
    fireEvent.focusIn(control('phone'));
    expect(requested()).toEqual(['https://cdn.example/lr/v1/widget-email.js', 'https://cdn.example/lr/v1/widget-phone.js']);
  });

  it('formats the number as it is typed, and leaves alone what the person deletes', async () => {
    await serviceForm();
    const phone = control('phone');
    const seen: string[] = [];
    typeKeys('phone', '4155552');
    seen.push(phone.value);
    typeKeys('phone', '671');
    seen.push(phone.value);
    expect(seen).toEqual(['(415) 555-2', '(415) 555-2671']);
    for (let i = 0; i < 4; i++) backspace('phone');
    expect(phone.value).toBe('(415) 555-');
    typeKeys('phone', '0');
    expect(phone.value).toBe('(415) 555-0');
  });

  it('keeps what is not a number (an extension) as typed, and formats a pasted or autofilled number', async () => {
    await serviceForm();
    typeKeys('phone', '415 555 2671 x12');
    fireEvent.blur(control('phone'));
    expect(control('phone').value).toBe('(415) 555-2671x12');
    type('phone', '415.555.2671');
    expect(control('phone').value).toBe('(415) 555-2671');
  });

  it('sends the number in E.164', async () => {
    const worker = await serviceForm();
    typeKeys('phone', '(415) 555 2671');
    expect(await submitService(worker)).toBe('+14155552671');
  });

  it('sends an international number in E.164 whatever the default country', async () => {
    const worker = await serviceForm();
    typeKeys('phone', '+44 20 7946 0958');
    expect(control('phone').value).toBe('+44 20 7946 0958');
    expect(await submitService(worker)).toBe('+442079460958');
  });

  it('sends the number as typed when it is not a valid one: the Worker has the last word', async () => {
    const worker = await serviceForm();
    typeKeys('phone', '(415) 555-01');
    expect(await submitService(worker)).toBe('(415) 555-01');
  });

  it('still works when the chunk cannot be loaded: no formatting, the raw number sent', async () => {
    failingChunks.add('phone');
    const worker = await serviceForm();
    typeKeys('phone', '415 555 2671');
    fireEvent.blur(control('phone'));
    expect(requested()).toEqual([`${WORKER}/widget-phone.js`]);
    expect(control('phone').value).toBe('415 555 2671');
    expect(await submitService(worker)).toBe('415 555 2671');
    await vi.waitFor(() => expect(inForm().getByText(/will call you/)).toBeTruthy());
  });

  it('formats what was typed before the chunk arrived, when it arrives', async () => {
    const release = holdChunks();
    await serviceForm();
    typeKeys('phone', '4155552671');
    expect(control('phone').value).toBe('4155552671');
    release();
    await vi.waitFor(() => expect(control('phone').value).toBe('(415) 555-2671'));
  });

  it('takes the country from the locale: a Mexican number on an es-MX page', async () => {
    document.documentElement.lang = 'es-MX';
    const worker = await serviceForm();
    typeKeys('phone', '5512345678');
    expect(control('phone').value).toBe('55 1234 5678');
    expect(await submitService(worker)).toBe('+525512345678');
  });

  it('takes the country from data-country first', async () => {
    document.documentElement.lang = 'es-MX';
    const worker = await serviceForm({ country: 'gb' });
    typeKeys('phone', '020 7946 0958');
    expect(control('phone').value).toBe('020 7946 0958');
    expect(await submitService(worker)).toBe('+442079460958');
  });

  it('falls back to the form type’s default country when no locale names a region', async () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('fr');
    resetPage({ ...FORMS, urgent_service: { ...FORMS.urgent_service!, defaultCountry: 'MX' } });
    const worker = await serviceForm({ lang: 'en' });
    typeKeys('phone', '5512345678');
    expect(await submitService(worker)).toBe('+525512345678');
  });

  it('skips a locale region the metadata does not have (en-IN) for the next candidate', async () => {
    const worker = await serviceForm({ lang: 'en-IN' });
    typeKeys('phone', '4155552671');
    expect(control('phone').value).toBe('(415) 555-2671');
    expect(await submitService(worker)).toBe('+14155552671');
  });

  describe('the country the person typed decides (issue 9, case 6)', () => {
    /** A contact form (phone, then country) in Spanish, in the happy-dom browser's en-US. */
    async function contactForm() {
      const worker = fakeWorker();
      addScript({ site: 'demo', form: 'contact', lang: 'es' });
      await load();
      await rendered();
      type('firstName', 'Lucía');
      type('email', 'lucia@tacos-norte.mx');
      type('message', 'Queremos una demo');
      return worker;
    }

    async function sentPhone(worker: ReturnType<typeof fakeWorker>): Promise<unknown> {
      submit();
      await vi.waitFor(() => expect(worker.posts()).toHaveLength(1));
      return worker.posts()[0]!.body.fields.phone;
    }

    it('México typed on a Spanish form in an en-US browser: the number is Mexican, not +1', async () => {
      expect(navigator.language).toBe('en-US');
      const worker = await contactForm();
      type('country', 'México');
      typeKeys('phone', '5512345678');
      expect(control('phone').value).toBe('55 1234 5678');
      expect(await sentPhone(worker)).toBe('+525512345678');
    });

    it('formats the number again when the country changes', async () => {
      const worker = await contactForm();
      typeKeys('phone', '5512345678');
      expect(control('phone').value).toBe('(551) 234-5678');
      type('country', 'México');
      expect(control('phone').value).toBe('55 1234 5678');
      expect(await sentPhone(worker)).toBe('+525512345678');
    });

    it.each([
      ['Mexico', '5512345678', '+525512345678'],
      ['mx', '5512345678', '+525512345678'],
      ['MEX', '5512345678', '+525512345678'],
      ['Reino Unido', '020 7946 0958', '+442079460958'],
      ['United Kingdom', '020 7946 0958', '+442079460958'],
      ['UK', '020 7946 0958', '+442079460958'],
      ['USA', '415 555 2671', '+14155552671'],
      ['EE. UU.', '415 555 2671', '+14155552671'],
      ['Deutschland', '030 123456', '+4930123456'],
    ])('reads %s', async (country, phone, e164) => {
      const worker = await contactForm();
      type('country', country);
      typeKeys('phone', phone);
      expect(await sentPhone(worker)).toBe(e164);
    });

    it("sends the number as typed when the country is one the chunk does not know: never read in the browser's country", async () => {
      const worker = await contactForm();
      type('country', 'Japón');
      typeKeys('phone', '03 1234 5678');
      expect(await sentPhone(worker)).toBe('03 1234 5678');
    });
  });

  it('fetches the Spanish strings only for a Spanish form, and shows English when they cannot be loaded', async () => {
    fakeWorker();
    failingChunks.add('es');
    addScript({ site: 'demo', form: 'contact', lang: 'es' });
    await load();
    await rendered();
    expect(requested()).toEqual([`${WORKER}/widget-es.js`]);
    expect(inForm().getByRole('button').textContent).toBe('Contact us');
    expect(inForm().getByText('Email')).toBeTruthy();
  });

  it('renders a Spanish form from the first response when widget.js?lang=es brought the strings: no chunk fetched, no wait', async () => {
    fakeWorker();
    // `?lang=es` alone makes the form Spanish: no data-lang needed.
    addScript({ site: 'demo', form: 'contact' }, document.body, `${WORKER}/widget.js?lang=es`);
    // The served file: specs, then the strings, then the bundle (worker/http/form-specs.ts).
    await load(() => inlineStrings('es'));
    expect(forms()[0]!.querySelector('fieldset')).toBeTruthy();
    expect(inForm().getByRole('button').textContent).toBe('Enviar');
    expect(inForm().getByText('Correo electrónico')).toBeTruthy();
    expect(requested()).toEqual([]);
  });

  it('checks the email again when its chunk (the free-mail list) arrives after the person left the field', async () => {
    fakeWorker();
    const release = holdChunks();
    addScript({ site: 'demo', form: 'demo_request' });
    await load();
    type('email', 'ana@gmail.com');
    expect(requested()).toEqual([`${WORKER}/widget-email.js`]);
    expect(control('email').hasAttribute('aria-invalid')).toBe(false);
    release();
    await vi.waitFor(() => expect(control('email').getAttribute('aria-invalid')).toBe('true'));
    expect(inForm().getAllByText('Please use your work email address')).toHaveLength(2);
  });

  it('shows the typo hint when the email chunk arrives after the person left the field', async () => {
    fakeWorker();
    const release = holdChunks();
    addScript({ site: 'demo', form: 'contact' });
    await load();
    type('email', 'ana@gmial.com');
    expect(inForm().queryByText(/Did you mean/)).toBeNull();
    release();
    await vi.waitFor(() => expect(inForm().getByText(/Did you mean/).textContent).toBe('Did you mean ana@gmail.com? Use it'));
    fireEvent.click(inForm().getByRole('button', { name: 'Use it' }));
    expect(control('email').value).toBe('ana@gmail.com');
    expect(forms()[0]!.activeElement).toBe(control('email'));
  });
});
