/** @jsxRuntime classic */
/** @jsx h */
/**
 * The lead form: one form type's fields in order, checked at the keyboard with the shared
 * `validateField` (the Worker runs the same), errors announced and focused, the submission
 * delivered by `api.ts`, and a success state that says who answers and when.
 *
 * The state is a few variables of one closure, and every change calls `draw()`, which renders
 * the whole view with dom.ts (a renderer of what this form needs, where Preact took 4.5 KB of
 * the 10 KB budget); `render()` being synchronous makes focus handling plain code. The inputs
 * are uncontrolled: the DOM holds the values, as in a plain HTML form.
 */
import { h, render } from './dom.ts';
import { LEAD_FIELDS, type LeadFieldName } from '../../shared/lead/fields.ts';
import type { FieldIssue, LeadFields } from '../../shared/lead/types.ts';
import { validateField } from '../../shared/lead/validate.ts';
import { deliver, newPending, pendingOf, type Answer, type Pending } from './api.ts';
import { formWatch, pageContext } from './context.ts';
import type { Emit, LeadRouterEvents } from './events.ts';
import { cannotSendText, en, fieldLabel, issueText, stringsOf, successText } from './i18n.ts';
import { load } from './lazy.ts';
import { formatPhone, phoneCountries, phoneToSend } from './phone.ts';
import { inlineSpec, loadSpec, type FormSpec, type Target } from './spec.ts';

/** An input, select or textarea: all have `value`; only checkboxes are read by `checked`. */
type Control = HTMLInputElement;

/** `type` of the inputs that are not text. */
const INPUT_TYPES: Record<string, string> = { email: 'email', phone: 'tel', url: 'url', checkbox: 'checkbox' };

/** What a form needs to know. */
export interface FormOptions {
  target: Target;
  /** The locale it speaks (`es-MX`): its language, its phone country, sent with the lead. */
  locale: string;
  /** The phone's country (`data-country`), before the locale's and the form type's. */
  country?: string;
  emit: Emit;
  /** Values to start the fields with. */
  prefill: LeadFields;
}

/**
 * Renders a lead form into `root` and runs it. What the person typed survives a failed send:
 * the fields stay, and the submission is kept in localStorage and retried until accepted.
 * A Spanish form renders once its strings are there (inline, or a lazy chunk).
 * @returns a function that fills fields in (`LeadRouter('prefill', …)`)
 */
export function startForm(root: Element, { target, locale, country, emit, prefill }: FormOptions): (values: LeadFields) => void {
  const { formType } = target;
  const watch = formWatch();
  const words = stringsOf(locale);
  const inline = inlineSpec(formType);
  let t = en;
  // Set once the form can show its fields: type and strings are there.
  let spec: FormSpec | undefined;
  let errors: Partial<Record<string, string>> = {};
  let summary = '';
  /** 0: editing; 1: sending; 2: saved, retrying. */
  let sending = 0;
  let answer: Answer | undefined;
  let suggestion: string | undefined;
  // Set while a submission is on its way: a double click's second submit does nothing.
  let delivery: (() => void) | undefined;
  // The fields whose lazy chunk was asked for.
  const used: Partial<Record<string, boolean>> = {};

  const control = (name: string) => root.querySelector(`[name=${name}]`) as Control;
  const valueOf = (name: string) => {
    const el = control(name);
    return el.type === 'checkbox' ? el.checked : el.value;
  };
  const fill = (values: LeadFields) => {
    for (const [name, value] of Object.entries(values)) {
      const el = name in LEAD_FIELDS && control(name);
      if (el) el.type === 'checkbox' ? (el.checked = value === true) : (el.value = value as string);
    }
  };
  // Synchronous: once it returns, the DOM is up to date and can take focus.
  const draw = () => render(answer ? success(answer) : view(), root);

  function start(pending: Pending) {
    sending = 1;
    // The marketer hears of an offline submission once; it is kept and sent when back online.
    let told = 0;
    delivery = deliver(target, pending, (status, body, failure) => {
      sending = body ? 0 : 2;
      if (body && !failure && status < 300) {
        const { leadId, owner, respondWithin } = (answer = body);
        draw();
        (root.firstChild as HTMLElement).focus();
        emit('submitted', { formType, leadId, owner, respondWithin } as LeadRouterEvents['submitted']);
      } else if (body) {
        delivery = undefined;
        const reason = failure ?? (status === 400 ? 'invalid' : 'refused');
        const { issues, message } = body;
        emit('error', { formType, reason, status, ...(issues && { issues }), ...(message && { message }) });
        // The marketer's clue: the Worker's reason (origin, site key), or where the page could not connect.
        if (reason !== 'invalid') console.error(`LeadRouter: ${reason}`, message ?? `${target.api} (connect-src?)`);
        // Refused or blocked: the person is told how else to reach the business.
        show(issues ?? [], status === 413 ? t.tooLarge : cannotSendText(spec?.contact, t));
      } else {
        if (failure && !told++) emit('error', { formType, reason: failure, status });
        draw();
      }
    });
    draw();
  }

  /**
   * Puts issues on their fields, sums them up in the alert region (or says `otherwise` when
   * none is on a field of the form), and focuses the first invalid field.
   */
  function show(issues: FieldIssue[], otherwise = t.failed) {
    errors = {};
    for (const issue of issues) {
      errors[issue.field] ??= issueText(issue, t);
      suggestion = issue.suggestion ?? suggestion;
    }
    const invalid = (spec?.fields ?? []).filter((name) => errors[name]);
    summary = invalid[0] ? `${t.fix} ${invalid.map((name) => fieldLabel(name, t)).join(', ')}` : otherwise;
    draw();
    control(invalid[0]!)?.focus();
  }

  /** Checks one field as the person leaves it (or fixes it), and looks for an email typo. */
  function check(name: LeadFieldName) {
    const issue = validateField(name, valueOf(name), spec!);
    errors[name] = issue && issueText(issue, t);
    if (name === 'email') suggestion = window.__leadRouterChunks?.email?.suggestEmail(control(name).value);
    draw();
  }

  const countries = () => phoneCountries(control('country')?.value, country, locale, spec!.defaultCountry);

  /**
   * Fetches the lazy chunk of the email or phone field when it is first used (focus, or input
   * without focus: autofill). Once there it takes over what is already in the field: the
   * email is checked again if it was checked without it, the phone is formatted.
   */
  function use(event: Event) {
    const { name } = event.target as Control;
    if ((name !== 'email' && name !== 'phone') || used[name]) return;
    used[name] = true;
    load(name).then(
      () => (name === 'phone' ? formatPhone(control(name), countries()) : 'email' in errors && check(name)),
      () => {},
    );
  }

  function submit(event: Event) {
    event.preventDefault();
    if (delivery) return;
    const fields: LeadFields = {};
    const issues = spec!.fields.flatMap((name) => {
      const value = valueOf(name);
      if (value === true || value === false || value.trim()) fields[name] = typeof value === 'string' ? value.trim() : value;
      return validateField(name, value, spec!) ?? [];
    });
    if (issues[0]) return show(issues);
    if (fields.phone) fields.phone = phoneToSend(fields.phone as string, countries());
    errors = {};
    summary = '';
    const context = pageContext(locale, watch, control('lr_hp').value);
    // What the person agreed to, in the words they saw: recorded with the lead.
    if (fields.consent === true) context.consentText = fieldLabel('consent', t);
    start(newPending({ formType, fields, context }));
  }

  function field(name: LeadFieldName) {
    const { kind, maxLength, autocomplete } = LEAD_FIELDS[name] as { kind: string; maxLength: number; autocomplete?: string };
    const id = `lr-${name}`;
    const error = errors[name];
    const required = spec!.required.includes(name);
    // The email's hint: a typo's likely fix, else the reminder that the form wants a work address.
    const hint = name === 'email' && (suggestion || spec!.workEmail);
    const label = (
      <label for={id}>
        {fieldLabel(name, t)}
        {required && (
          <span class="req" aria-hidden="true">
            {' *'}
          </span>
        )}
      </label>
    );
    const input = h(
      kind === 'select' || kind === 'textarea' ? kind : 'input',
      {
        id,
        name,
        required,
        // Fields without a token get one Chrome does not know: it then leaves them alone
        // (it ignores `off`), where it put the company's name in "Company size".
        autocomplete: autocomplete ?? 'none',
        maxLength,
        type: INPUT_TYPES[kind],
        'aria-invalid': error ? 'true' : undefined,
        'aria-describedby': [hint && `${id}-h`, error && `${id}-e`].filter(Boolean).join(' ') || undefined,
        onBlur: () => {
          if (name === 'phone' || name === 'country') formatPhone(control('phone'), countries());
          check(name);
        },
        // Once a field shows an error, it clears as soon as the value is right. The phone is
        // formatted as it is typed, and again in the country the person types.
        [kind === 'checkbox' || kind === 'select' ? 'onChange' : 'onInput']: (event: InputEvent) => {
          if (name === 'phone' || name === 'country') formatPhone(control('phone'), countries(), name === 'phone' ? event : undefined);
          errors[name] && check(name);
        },
      },
      kind === 'select' && [<option value="">{t.choose}</option>, spec!.options?.product?.map((option) => <option>{option}</option>)],
    );
    return (
      <div key={name} class={kind}>
        {kind === 'checkbox' ? [input, label] : [label, input]}
        {hint && (
          <p id={`${id}-h`}>
            {suggestion
              ? [
                  `${t.didYouMean} `,
                  <b>{suggestion}</b>,
                  '? ',
                  <button
                    type="button"
                    class="link"
                    onClick={() => {
                      control(name).value = suggestion!;
                      suggestion = undefined;
                      check(name);
                      control(name).focus();
                    }}
                  >
                    {t.apply}
                  </button>,
                ]
              : t.workEmail}
          </p>
        )}
        {error && (
          <p id={`${id}-e`} class="err">
            {error}
          </p>
        )}
      </div>
    );
  }

  const view = () => (
    <form
      noValidate
      aria-label={spec?.label}
      onSubmit={submit}
      onFocusIn={(event: FocusEvent) => {
        watch.start();
        use(event);
      }}
      onKeyDown={watch.key}
      onInput={(event: InputEvent) => {
        watch.input(event);
        use(event);
      }}
    >
      <div role="alert" class="sum">
        {summary}
      </div>
      {spec && (
        <fieldset disabled={!!sending}>
          {spec.fields.map(field)}
          <input class="hp" name="lr_hp" tabIndex={-1} autocomplete="off" aria-hidden="true" />
          <button>{t.send || spec.label}</button>
        </fieldset>
      )}
      <p role="status">{sending ? (sending > 1 ? t.saved : t.sending) : ''}</p>
    </form>
  );

  // No promise where the Worker makes none (a junk lead: nobody will answer it).
  const success = ({ owner, respondWithin }: Answer) => (
    <div class="ok" tabIndex={-1}>
      <b>{t.thanks}</b> {respondWithin ? successText(owner?.name, respondWithin.minutes, spec, t) : t.received}
    </div>
  );

  /** Draws the fields and fills them in: the page's values, then an unsent submission's. */
  const ready = () => {
    draw();
    fill({ ...prefill, ...pendingOf(target)?.submission.fields });
  };
  if (inline && !('then' in words)) {
    spec = inline;
    t = words;
    ready();
  } else {
    // Fetched side by side: the form type (when not inlined) and the language's strings.
    draw();
    Promise.all([inline ?? loadSpec(target), words]).then(
      ([loaded, strings]) => {
        spec = loaded;
        t = strings;
        ready();
      },
      async () => {
        t = await words;
        summary = t.failed;
        draw();
        emit('error', { formType, reason: 'load' });
      },
    );
  }
  // A submission an earlier page left unsent goes out now.
  const pending = pendingOf(target);
  if (pending) start(pending);
  return fill;
}
