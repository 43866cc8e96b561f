import { describe, it, expect } from 'vitest';
import { countLinks, hasLink } from '../../../shared/qualify/links.ts';

describe('countLinks', () => {
  it.each([
    ['', 0],
    ['No links here, just acme.com and an email ana@acme.es', 0],
    ['See https://acme.com', 1],
    ['See HTTP://ACME.COM', 1],
    ['See https://www.acme.com/pricing', 1],
    ['See www.acme.com', 1],
    ['http://a.com http://b.com https://c.com', 3],
    ['[url=http://spam.example]cheap[/url]', 1],
    ['[URL]http://spam.example[/URL]', 1],
    ['[url=http://a]a[/url] [url=http://b]b[/url] [url=http://c]c[/url]', 3],
    ['<a href="http://spam.example">cheap</a>', 1],
    ['<A HREF="http://a">a</A> and www.b.com', 2],
    ['foo.www.bar', 0],
  ])('%j has %i', (text, count) => {
    expect(countLinks(text)).toBe(count);
  });

  it('is not thrown off by a previous call (global regex state)', () => {
    expect(countLinks('http://a http://b')).toBe(2);
    expect(countLinks('http://a http://b')).toBe(2);
  });
});

describe('hasLink', () => {
  it.each([
    ['Acme Inc', false],
    ['acme.com', false],
    ['www.acme.com', true],
    ['Bob http://spam.example', true],
    ['[url=x]Bob[/url]', true],
    ['<a href=x>Bob</a>', true],
  ])('%j → %s', (text, expected) => {
    expect(hasLink(text)).toBe(expected);
  });
});
