/**
 * The phone field's side of the `phone` chunk (libphonenumber-js, see chunks/phone.ts), which
 * is fetched when the field is first used (focus or input), never with widget.js. Once it is
 * there the number is formatted as the person types and sent in E.164; before that, or when it
 * cannot be loaded (offline, a CSP that blocks it), the field is a plain `tel` input sent as
 * typed, and the Worker normalises it (it does in any case: it is the authority).
 */

/** The phone chunk, once loaded (by any form of the page). */
const chunk = () => window.__leadRouterChunks?.phone;

/** The region of a locale: `es-MX` → `MX`; `es` has none. */
const regionOf = (locale: string) => /-([a-z]{2})\b/i.exec(locale)?.[1];

/** What decides the country of a national number (read by the chunk's `country`). */
export interface PhoneCountry {
  /** The country field's value, as typed (a name or a code): when there is one, it alone decides. */
  typed?: string;
  /** The form's locale: the language the typed name may be in. */
  lang: string;
  /** Else, best first: `data-country`, the region of the form's locale, of the browser's, the form type's default country. */
  candidates: (string | undefined)[];
}

/**
 * The phone's country: the country the person typed, else the form's `data-country`, the
 * region of its locale, of the browser's, then the form type's default country (the first
 * the chunk's metadata has). What the person says of themselves beats what the browser says.
 */
export const phoneCountries = (typed: string | undefined, country: string | undefined, locale: string, defaultCountry: string | undefined): PhoneCountry => ({
  typed,
  lang: locale,
  candidates: [country, regionOf(locale), regionOf(navigator.language), defaultCountry],
});

/**
 * Formats the phone input as the number is dialled in its country. Called on input (`event`),
 * on leaving the field, when the chunk arrives and when the country field changes. Never while the person deletes (it would
 * put back the `)` they removed), edits in the middle (the caret would jump), or types
 * anything but a number (`x123` for an extension is kept as typed).
 */
export function formatPhone(el: HTMLInputElement | null, countries: PhoneCountry, event?: InputEvent): void {
  const phone = chunk();
  if (!phone || !el || !/^[+\d\s().-]*$/.test(el.value) || (event && (/^del/.test(event.inputType) || el.selectionEnd! < el.value.length))) return;
  el.value = phone.format(el.value, phone.country(countries));
}

/** The number in E.164 when the chunk is there and finds it valid, else as typed. */
export const phoneToSend = (text: string, countries: PhoneCountry): string => {
  const phone = chunk();
  return phone?.e164(text, phone.country(countries)) ?? text;
};
