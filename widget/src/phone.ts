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

/**
 * The countries a national number may belong to, best first: the form's `data-country`, the
 * region of its locale, of the browser's, then the form type's default country. The first one
 * the chunk's metadata has wins.
 */
export const phoneCountries = (country: string | undefined, locale: string, defaultCountry: string | undefined): (string | undefined)[] => [
  country,
  regionOf(locale),
  regionOf(navigator.language),
  defaultCountry,
];

/**
 * Formats the phone input as the number is dialled in its country. Called on input (`event`),
 * on leaving the field and when the chunk arrives. Never while the person deletes (it would
 * put back the `)` they removed), edits in the middle (the caret would jump), or types
 * anything but a number (`x123` for an extension is kept as typed).
 */
export function formatPhone(el: HTMLInputElement | null, countries: (string | undefined)[], event?: InputEvent): void {
  const phone = chunk();
  if (!phone || !el || !/^[+\d\s().-]*$/.test(el.value) || (event && (/^del/.test(event.inputType) || el.selectionEnd! < el.value.length))) return;
  el.value = phone.format(el.value, phone.country(countries));
}

/** The number in E.164 when the chunk is there and finds it valid, else as typed. */
export const phoneToSend = (text: string, countries: (string | undefined)[]): string => {
  const phone = chunk();
  return phone?.e164(text, phone.country(countries)) ?? text;
};
