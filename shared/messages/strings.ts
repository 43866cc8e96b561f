/**
 * Everything a lead reads, per language. Each language is one object of type {@link Phrases},
 * so a phrase missing in one language is a compile error, not an English sentence in the
 * middle of a Spanish email. Texts for reps and managers are internal and English only.
 *
 * Phrases that interpolate are functions; they receive plain text, and escaping for HTML is
 * the renderer's job.
 */
import type { FormKind } from './form-kind.ts';

/** The languages we write to leads in. */
export type Language = 'en' | 'es';

/** Singular and plural of a unit. */
type Unit = readonly [one: string, other: string];

/** The phrase table for one language. */
export interface Phrases {
  /** Units for response times. */
  units: { minute: Unit; hour: Unit; day: Unit };
  /** Joins the two parts of a duration: "1 hour and 30 minutes". */
  and: string;
  /** Who responds when a queue owns the lead, as a sentence starts. */
  ourTeam: string;
  /** The email's opening line. */
  greeting(firstName: string | undefined): string;
  /** The email's subject, per kind. */
  subject: Record<FormKind, (brand: string) => string>;
  /** First sentence: we have it. */
  received: Record<FormKind, (brand: string) => string>;
  /** Who will respond, how and by when. `byPhone` when they will call a number we have. */
  promise: Record<FormKind, (who: string, within: string, byPhone: boolean) => string>;
  /** What the lead can do now, in the email. */
  nextStep: Record<FormKind, string>;
  /** Reference line naming the form they filled in. */
  yourRequest(label: string): string;
  /** The email's closing. */
  signOff(brand: string): string;
  /** The SMS opening, which carries the brand so the lead knows who texts them. */
  smsOpening(brand: string, firstName: string | undefined): string;
  /** What the lead can do now, in the SMS; `hasEmail` when an email confirmation also went out. */
  smsNextStep(kind: FormKind, hasEmail: boolean): string;
  /** Subject of the message telling the lead their request changed hands. */
  handoverSubject(brand: string): string;
  /** The lead's request is now looked after by `who` (first name, or our team). */
  handover(brand: string, who: string): string;
}

const en: Phrases = {
  units: { minute: ['minute', 'minutes'], hour: ['hour', 'hours'], day: ['day', 'days'] },
  and: 'and',
  ourTeam: 'Our team',
  greeting: (name) => (name ? `Hi ${name},` : 'Hi,'),
  subject: {
    demo: (brand) => `${brand}: we received your demo request`,
    quote: (brand) => `${brand}: we received your quote request`,
    service: (brand) => `${brand}: we received your service request`,
    content: (brand) => `${brand}: thanks for your interest`,
    contact: (brand) => `${brand}: we received your message`,
  },
  received: {
    demo: (brand) => `Thanks for requesting a ${brand} demo.`,
    quote: () => 'Thanks for your quote request.',
    service: () => 'We received your service request.',
    content: (brand) => `Thanks for your interest in ${brand}.`,
    contact: (brand) => `Thanks for contacting ${brand}: we received your message.`,
  },
  promise: {
    demo: (who, within) => `${who} will contact you within ${within} to schedule it.`,
    quote: (who, within) => `${who} will get back to you within ${within}.`,
    service: (who, within, byPhone) => `${who} will ${byPhone ? 'call' : 'contact'} you within ${within}.`,
    content: (who, within) => `${who} will follow up within ${within} in case you have questions.`,
    contact: (who, within) => `${who} will reply within ${within}.`,
  },
  nextStep: {
    demo: 'To make the most of it, reply to this email with two or three times that suit you and anything you would like us to cover.',
    quote: 'If you have more details (quantities, timing, requirements), reply to this email and we will take them into account.',
    service: 'Please keep your phone nearby. If anything changes, reply to this email.',
    content: 'Questions about the material? Just reply to this email.',
    contact: 'If you would like to add anything, just reply to this email.',
  },
  yourRequest: (label) => `Your request: ${label}`,
  signOff: (brand) => `The ${brand} team`,
  smsOpening: (brand, name) => (name ? `${brand}: thanks, ${name}.` : `${brand}: thanks.`),
  smsNextStep: (kind, hasEmail) => (kind === 'service' || !hasEmail ? 'Keep your phone nearby.' : 'Details are in your email.'),
  handoverSubject: (brand) => `${brand}: an update on your request`,
  handover: (brand, who) => `${brand}: ${who} is now looking after your request and will be in touch shortly.`,
};

const es: Phrases = {
  units: { minute: ['minuto', 'minutos'], hour: ['hora', 'horas'], day: ['día', 'días'] },
  and: 'y',
  ourTeam: 'Nuestro equipo',
  greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  subject: {
    demo: (brand) => `${brand}: hemos recibido tu solicitud de demo`,
    quote: (brand) => `${brand}: hemos recibido tu solicitud de cotización`,
    service: (brand) => `${brand}: hemos recibido tu solicitud de servicio`,
    content: (brand) => `${brand}: gracias por tu interés`,
    contact: (brand) => `${brand}: hemos recibido tu mensaje`,
  },
  received: {
    demo: (brand) => `Gracias por solicitar una demo de ${brand}.`,
    quote: () => 'Gracias por tu solicitud de cotización.',
    service: () => 'Hemos recibido tu solicitud de servicio.',
    content: (brand) => `Gracias por tu interés en ${brand}.`,
    contact: (brand) => `Gracias por escribir a ${brand}: hemos recibido tu mensaje.`,
  },
  promise: {
    demo: (who, within) => `${who} te contactará en menos de ${within} para agendarla.`,
    quote: (who, within) => `${who} te responderá en menos de ${within}.`,
    service: (who, within, byPhone) => `${who} te ${byPhone ? 'llamará' : 'contactará'} en menos de ${within}.`,
    content: (who, within) => `${who} te escribirá en menos de ${within} por si tienes preguntas.`,
    contact: (who, within) => `${who} te responderá en menos de ${within}.`,
  },
  nextStep: {
    demo: 'Para aprovecharla al máximo, responde a este correo con dos o tres horarios que te vengan bien y lo que te gustaría ver.',
    quote: 'Si tienes más detalles (cantidades, plazos, requisitos), responde a este correo y los tendremos en cuenta.',
    service: 'Ten tu teléfono a mano. Si algo cambia, responde a este correo.',
    content: '¿Tienes preguntas sobre el material? Responde a este correo.',
    contact: 'Si quieres añadir algo, responde a este correo.',
  },
  yourRequest: (label) => `Tu solicitud: ${label}`,
  signOff: (brand) => `El equipo de ${brand}`,
  smsOpening: (brand, name) => (name ? `${brand}: gracias, ${name}.` : `${brand}: gracias.`),
  smsNextStep: (kind, hasEmail) => (kind === 'service' || !hasEmail ? 'Ten tu teléfono a mano.' : 'Tienes los detalles en tu correo.'),
  handoverSubject: (brand) => `${brand}: novedades sobre tu solicitud`,
  handover: (brand, who) => `${brand}: ${who} se encarga ahora de tu solicitud y te contactará en breve.`,
};

/** The phrase tables, by language. */
export const PHRASES: Readonly<Record<Language, Phrases>> = { en, es };

/**
 * The language to write in for a lead's language tag: its primary subtag when we have a
 * table for it (`es-MX` → `es`), else English.
 * @example pickLanguage('es-MX') // 'es'
 * @example pickLanguage('fr') // 'en'
 */
export function pickLanguage(tag: string | undefined): Language {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary !== undefined && Object.hasOwn(PHRASES, primary) ? (primary as Language) : 'en';
}

/** The phrase table for a lead's language tag, English when we have none for it. */
export function phrasesFor(tag: string | undefined): Phrases {
  return PHRASES[pickLanguage(tag)];
}
