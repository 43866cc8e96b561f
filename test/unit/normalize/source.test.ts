import { describe, it, expect } from 'vitest';
import type { LeadContext } from '../../../shared/lead/types.ts';
import { leadSource } from '../../../shared/normalize/source.ts';

describe('leadSource', () => {
  it.each<[string, LeadContext | undefined, ReturnType<typeof leadSource>]>([
    ['no context', undefined, { source: 'direct' }],
    ['empty context', {}, { source: 'direct' }],
    [
      'UTM source, lower-cased and trimmed, with medium and campaign',
      { utm: { source: ' Google ', medium: 'CPC', campaign: 'Spring Sale' } },
      { source: 'google', medium: 'cpc', campaign: 'Spring Sale' },
    ],
    ['UTM beats the referrer', { utm: { source: 'newsletter' }, referrer: 'https://www.google.com/' }, { source: 'newsletter' }],
    ['blank UTM source is ignored', { utm: { source: '  ' } }, { source: 'direct' }],
    [
      'UTM from the landing page URL',
      { landingUrl: 'https://acme.com/?utm_source=LinkedIn&utm_medium=paid%20social&utm_campaign=Q3+ABM' },
      { source: 'linkedin', medium: 'paid social', campaign: 'Q3 ABM' },
    ],
    ['UTM from the page URL', { pageUrl: 'https://acme.com/pricing?utm_source=bing' }, { source: 'bing', pagePath: '/pricing' }],
    ['google.com', { referrer: 'https://www.google.com/' }, { source: 'google', medium: 'organic' }],
    ['google.co.uk', { referrer: 'https://www.google.co.uk/' }, { source: 'google', medium: 'organic' }],
    ['google.com.mx', { referrer: 'https://google.com.mx/search' }, { source: 'google', medium: 'organic' }],
    ['google.de', { referrer: 'https://news.google.de/' }, { source: 'google', medium: 'organic' }],
    ['Google app', { referrer: 'android-app://com.google.android.googlequicksearchbox/' }, { source: 'google', medium: 'organic' }],
    ['bing', { referrer: 'https://www.bing.com/search?q=x' }, { source: 'bing', medium: 'organic' }],
    ['duckduckgo', { referrer: 'https://duckduckgo.com/' }, { source: 'duckduckgo', medium: 'organic' }],
    ['linkedin', { referrer: 'https://www.linkedin.com/feed/' }, { source: 'linkedin', medium: 'social' }],
    ['lnkd.in', { referrer: 'https://lnkd.in/abc' }, { source: 'linkedin', medium: 'social' }],
    ['facebook', { referrer: 'https://l.facebook.com/l.php' }, { source: 'facebook', medium: 'social' }],
    ['m.facebook', { referrer: 'https://m.facebook.com/' }, { source: 'facebook', medium: 'social' }],
    ['fb.me', { referrer: 'http://fb.me/x' }, { source: 'facebook', medium: 'social' }],
    ['t.co', { referrer: 'https://t.co/xyz' }, { source: 'twitter', medium: 'social' }],
    ['twitter.com', { referrer: 'https://twitter.com/' }, { source: 'twitter', medium: 'social' }],
    ['x.com', { referrer: 'https://x.com/acme' }, { source: 'twitter', medium: 'social' }],
    ['youtube', { referrer: 'https://www.youtube.com/watch?v=1' }, { source: 'youtube', medium: 'social' }],
    ['youtu.be', { referrer: 'https://youtu.be/1' }, { source: 'youtube', medium: 'social' }],
    ['chatgpt', { referrer: 'https://chatgpt.com/' }, { source: 'chatgpt', medium: 'referral' }],
    ['openai', { referrer: 'https://chat.openai.com/' }, { source: 'chatgpt', medium: 'referral' }],
    ['another site: its host', { referrer: 'https://News.YCombinator.com/item?id=1' }, { source: 'news.ycombinator.com', medium: 'referral' }],
    ['www. dropped', { referrer: 'https://www.g2.com/products/acme' }, { source: 'g2.com', medium: 'referral' }],
    ['UTM medium is kept for a referrer', { utm: { medium: 'Email' }, referrer: 'https://mail.example.org/' }, { source: 'mail.example.org', medium: 'email' }],
    ['not fooled by google.<something>.com', { referrer: 'https://google.evil.com/' }, { source: 'google.evil.com', medium: 'referral' }],
    [
      'internal referrer is ignored',
      { pageUrl: 'https://acme.com/pricing?x=1', referrer: 'https://www.acme.com/' },
      { source: 'direct', pagePath: '/pricing' },
    ],
    [
      'another host of the same company is a referrer',
      { pageUrl: 'https://acme.com/', referrer: 'https://blog.acme.com/post' },
      { source: 'blog.acme.com', medium: 'referral', pagePath: '/' },
    ],
    ['page without a path', { pageUrl: 'https://acme.com' }, { source: 'direct', pagePath: '/' }],
    ['relative page URL', { pageUrl: '/demo#form' }, { source: 'direct', pagePath: '/demo' }],
    ['path with port', { pageUrl: 'http://localhost:8787/es/precios' }, { source: 'direct', pagePath: '/es/precios' }],
    ['unparseable referrer', { referrer: 'garbage' }, { source: 'direct' }],
    ['blank referrer', { referrer: '  ' }, { source: 'direct' }],
    ['unparseable page URL', { pageUrl: 'not a url' }, { source: 'direct' }],
  ])('%s', (_, context, expected) => {
    expect(leadSource(context)).toEqual(expected);
  });
});
