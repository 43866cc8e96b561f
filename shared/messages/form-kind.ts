/**
 * What a form type asks for, as far as the texts care: a demo, a quote, a (same-day) service
 * call, a content download, or a plain contact. Form type ids are the routing config's, so the
 * kind is read from the id's words; callers with better knowledge can pass a kind instead.
 */

/** The kinds of request the texts distinguish. */
export type FormKind = 'demo' | 'quote' | 'service' | 'content' | 'contact';

/** Every kind, for tables and tests. */
export const FORM_KINDS: readonly FormKind[] = ['demo', 'quote', 'service', 'content', 'contact'];

/**
 * Patterns on the form type id, first match wins. Demo and quote come before service so that
 * `service_quote` is a quote; a form that is none of these is a contact.
 */
const KIND_PATTERNS: ReadonlyArray<readonly [FormKind, RegExp]> = [
  ['demo', /demo/i],
  ['quote', /quote|pricing|estimate/i],
  ['content', /download|content|guide|ebook|white.?paper|report|webinar/i],
  ['service', /service|urgent|emergency|same.?day|call.?back|dispatch/i],
];

/**
 * The kind of request a form type id stands for.
 * @example formKind('urgent_service') // 'service'
 * @example formKind('free_trial') // 'contact'
 */
export function formKind(formType: string): FormKind {
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(formType)) return kind;
  return 'contact';
}
