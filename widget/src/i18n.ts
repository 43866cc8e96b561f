/**
 * The widget's words in English and Spanish. English labels and messages come from the
 * shared catalogue (`LEAD_FIELDS`, `validateField`), so only Spanish spells them out. Issues
 * are translated by `code` (or `code:field`), falling back to the validator's or server's text.
 */
import { LEAD_FIELDS, type LeadFieldName } from '../../shared/lead/fields.ts';
import type { FieldIssue } from '../../shared/lead/types.ts';
import type { FormSpec } from './spec.ts';

/** A language the widget speaks. */
export type Lang = 'en' | 'es';

const en = {
  send: 'Send',
  sending: 'Sending…',
  saved: 'Saved, we are sending it…',
  fix: 'Please check:',
  didYouMean: 'Did you mean',
  apply: 'Use it',
  workEmail: 'Please use your work email address',
  choose: 'Choose…',
  thanks: 'Thank you!',
  team: 'Our team',
  reply: 'will get back to you within',
  call: 'will call you within',
  tooLarge: 'This form is too long to send.',
  failed: 'Sorry, this form cannot be sent right now.',
  labels: { consent: 'I agree to be contacted' } as Partial<Record<LeadFieldName, string>>,
  issues: { must_accept: 'Please tick this box to continue' } as Record<string, string>,
};

/** One language's strings. */
export type Strings = typeof en;

const es: Strings = {
  send: 'Enviar',
  sending: 'Enviando…',
  saved: 'Guardado, lo estamos enviando…',
  fix: 'Revisa:',
  didYouMean: '¿Quisiste decir',
  apply: 'Usar',
  workEmail: 'Usa tu correo del trabajo',
  choose: 'Elige…',
  thanks: '¡Gracias!',
  team: 'Nuestro equipo',
  reply: 'te responderá en menos de',
  call: 'te llamará en menos de',
  tooLarge: 'El formulario es demasiado largo.',
  failed: 'Lo sentimos, ahora no se puede enviar.',
  labels: {
    firstName: 'Nombre',
    lastName: 'Apellidos',
    email: 'Correo electrónico',
    phone: 'Teléfono',
    company: 'Empresa',
    jobTitle: 'Cargo',
    website: 'Sitio web',
    employees: 'Tamaño de la empresa',
    country: 'País',
    region: 'Estado / región',
    city: 'Ciudad',
    postalCode: 'Código postal',
    product: 'Producto o servicio',
    message: 'Mensaje',
    consent: 'Acepto que me contacten',
  },
  issues: {
    required: 'Obligatorio',
    invalid: 'No es válido',
    'invalid:email': 'Escribe un correo como nombre@empresa.com',
    too_long: 'Demasiado largo',
    work_email_required: 'Usa tu correo del trabajo',
    unknown_option: 'Elige una opción',
    must_accept: 'Marca la casilla para continuar',
  },
};

/** The strings of each language. */
export const STRINGS: Record<Lang, Strings> = { en, es };

/**
 * The locale the form speaks: the explicit option, else `<html lang>`, else the browser's.
 * Kept whole (`es-MX`): the Worker reads it to confirm in the lead's language.
 */
export const pickLocale = (explicit?: string): string => explicit || document.documentElement.lang || navigator.language;

/** The widget language of a locale: Spanish for `es*`, English otherwise. */
export const langOf = (locale: string): Lang => (/^es\b/i.test(locale) ? 'es' : 'en');

/** A field's label in a language. */
export const fieldLabel = (name: LeadFieldName, lang: Lang): string => STRINGS[lang].labels[name] ?? LEAD_FIELDS[name].label;

/** An issue in a language: by `code:field` or `code`, else the validator's or server's sentence. */
export function issueText({ field, code, message }: FieldIssue, lang: Lang): string {
  const table = STRINGS[lang].issues;
  return table[`${code}:${field}`] ?? table[code] ?? message;
}

/**
 * What the success state promises, from the Worker's answer: "Dana will get back to you
 * within 15 minutes." A form that needs a phone and no email is answered by a call.
 */
export function successText(owner: string | null | undefined, minutes: number, spec: FormSpec | undefined, lang: Lang): string {
  const t = STRINGS[lang];
  const call = spec?.urgency === 'urgent' || (spec?.required.includes('phone') && !spec.required.includes('email'));
  // Whole hours in hours (an SLA of 4h is "4 hours"), the rest in minutes, worded by Intl.
  const hours = minutes % 60 ? 0 : minutes / 60;
  const within = new Intl.NumberFormat(lang, { style: 'unit', unit: hours ? 'hour' : 'minute', unitDisplay: 'long' }).format(hours || minutes);
  return `${owner || t.team} ${call ? t.call : t.reply} ${within}.`;
}
