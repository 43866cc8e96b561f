/**
 * The seam for phone formatting. Today the field is a plain `tel` input checked by the shared
 * light validator, and the Worker normalises to E.164. A later module replaces this body with a
 * lazy `import()` of a libphonenumber-js chunk (its own file and 15 KB budget), fetched when the
 * phone field is first used: never import libphonenumber-js into widget.js.
 */

/**
 * The phone number as the person should see it, formatted for `country` (ISO alpha-2, e.g.
 * the form type's `defaultCountry`). Async because the real formatter loads on demand; today
 * it returns the input unchanged. The form calls it when the person leaves the phone field.
 * @example await formatPhone('4155550123', 'US') // later: '(415) 555-0123'
 */
export async function formatPhone(input: string, _country?: string): Promise<string> {
  return input;
}
