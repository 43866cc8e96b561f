/**
 * Links in form text: bare `http(s)://` and `www.` addresses and the BBCode/HTML markup spam
 * bots paste (`[url=…]…[/url]`, `<a href=…>…</a>`). A marked-up link counts once, with the
 * address inside it; bare domains ("acme.com") are not counted, people write those.
 */

const LINK_SOURCE = [
  String.raw`\[url(?:=[^\]]*)?\][^[]*(?:\[/url\])?`,
  String.raw`<a\s[^>]*>[^<]*(?:</a>)?`,
  String.raw`https?://[^\s<>"'\]]*`,
  String.raw`(?<![\p{L}\p{N}._/-])www\.[^\s<>"'\]]*`,
].join('|');

const LINKS = new RegExp(LINK_SOURCE, 'giu');
const ANY_LINK = new RegExp(LINK_SOURCE, 'iu');

/** How many links `text` holds; `[url=x]x[/url]` and `https://www.x` are one each. */
export function countLinks(text: string): number {
  let count = 0;
  LINKS.lastIndex = 0;
  while (LINKS.exec(text) !== null) count++;
  return count;
}

/** True when `text` holds any link: what a name or company never should. */
export function hasLink(text: string): boolean {
  return ANY_LINK.test(text);
}
