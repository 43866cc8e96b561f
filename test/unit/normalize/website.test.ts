import { describe, it, expect } from 'vitest';
import { normalizeWebsite } from '../../../shared/normalize/website.ts';

describe('normalizeWebsite', () => {
  it.each([
    ['https://WWW.Acme.com/about', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['  acme.com  ', 'acme.com'],
    ['Acme.COM', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['http://acme.com', 'acme.com'],
    ['HTTPS://acme.com/', 'acme.com'],
    ['https://acme.com:8443/path?q=1#top', 'acme.com'],
    ['acme.com/pricing', 'acme.com'],
    ['acme.com?ref=x', 'acme.com'],
    ['acme.com#x', 'acme.com'],
    ['www.acme.co.uk:8080/x', 'acme.co.uk'],
    ['https://user:secret@acme.io/', 'acme.io'],
    ['//cdn.acme.com/x.js', 'cdn.acme.com'],
    ['blog.acme.com', 'blog.acme.com'],
    ['www2.acme.com', 'acme.com'],
    ['acme.com.', 'acme.com'],
    ['www.com', 'www.com'], // www is the domain itself here
    ['bücher.de', 'bücher.de'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['my-company.io', 'my-company.io'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeWebsite(raw)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'acme',
    'localhost',
    'http://localhost:3000',
    '127.0.0.1',
    'https://192.168.0.1/admin',
    'http://[::1]/',
    'not a site',
    'acme .com',
    'https://',
    'http://-acme.com',
    'acme-.com',
    'acme..com',
    'acme.c',
    'n/a',
    'none',
    '.com',
  ])('%j → undefined', (raw) => {
    expect(normalizeWebsite(raw)).toBeUndefined();
  });
});
