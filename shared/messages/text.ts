/**
 * Small text tidying shared by the messages: one-line values and sensible truncation.
 */

/**
 * Collapses all whitespace, line breaks included: subjects, SMS, titles and table cells are
 * one line, and a line break in a lead's value must not become one in an email header.
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shortens a lead's message for a notification: blank runs squeezed to one blank line, and,
 * past `max` characters, cut at a word boundary (when one is near) with an ellipsis. Counts
 * code points, so an emoji is never cut in half.
 * @example truncate('one two three', 9) // 'one two…'
 */
export function truncate(text: string, max: number): string {
  const tidy = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const chars = Array.from(tidy);
  if (chars.length <= max) return tidy;
  const cut = chars.slice(0, Math.max(1, max - 1)).join('');
  const space = cut.search(/\s\S*$/);
  // Cut at the last space unless that would throw away more than a fifth of the budget.
  const head = space >= max * 0.8 ? cut.slice(0, space) : cut;
  return `${head.trimEnd()}…`;
}
