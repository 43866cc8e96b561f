/**
 * Escaping and link checks for everything the messages interpolate.
 *
 * Lead-supplied text reaches reps' inboxes and Slack, so it is escaped at the last moment, by
 * the renderer, never trusted to have been cleaned upstream. Links are the other way round:
 * only URLs we built (signed ack links, the admin view, `tel:` from a normalised number) may
 * become an `href`; lead-supplied URLs (website, page, referrer) stay text.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 * @example escapeHtml('<b>"Hi"</b>') // '&lt;b&gt;&quot;Hi&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Escapes text for Slack mrkdwn: the three characters Slack reserves for its control syntax
 * (`<!channel>`, `<url|label>`, `<@U123>`), so a lead cannot ping a channel or plant a link.
 * @example escapeSlack('a < b & c') // 'a &lt; b &amp; c'
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An absolute http(s) URL with none of the characters that could break out of an HTML
 * attribute or a Slack `<url|label>` link. `URL` is not in the ES library `shared/` compiles
 * against, hence a pattern.
 */
const OUR_URL = /^https?:\/\/[^\s"'<>|`\\]+$/i;

/**
 * Checks that a URL we built (an ack link, the admin view) is safe to place in an `href`, and
 * returns it. Throws on anything else: a bad URL here is a bug upstream, not lead input.
 */
export function ourUrl(url: string): string {
  if (!OUR_URL.test(url)) throw new Error(`not a URL we can link to: ${JSON.stringify(url.slice(0, 80))}`);
  return url;
}

/** An E.164 number as normalisation writes it. */
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A `tel:` link for a normalised (E.164) phone number; `undefined` for anything else, which
 * is then shown as text only.
 * @example telHref('+14155550123') // 'tel:+14155550123'
 */
export function telHref(phone: string | undefined): string | undefined {
  return phone && E164.test(phone) ? `tel:${phone}` : undefined;
}
