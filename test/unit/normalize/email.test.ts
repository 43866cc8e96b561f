import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { isDisposableDomain, isFreeMailDomain, normalizeEmail, withinOneEdit } from '../../../shared/normalize/email.ts';

describe('normalizeEmail', () => {
  it.each([
    ['  Dana@Acme.COM ', 'dana@acme.com', 'acme.com', 'work'],
    ['dana.whitfield+leads@sub.acme.co.uk', 'dana.whitfield+leads@sub.acme.co.uk', 'sub.acme.co.uk', 'work'],
    ["o'neil@acme.io", "o'neil@acme.io", 'acme.io', 'work'],
    ['dana@acme.com.', 'dana@acme.com', 'acme.com', 'work'],
    ['josé@exämple.com', 'josé@exämple.com', 'exämple.com', 'work'],
    ['x@xn--bcher-kva.example', 'x@xn--bcher-kva.example', 'xn--bcher-kva.example', 'work'],
    ['dana@gmail.com', 'dana@gmail.com', 'gmail.com', 'free'],
    ['Dana@GoogleMail.com', 'dana@googlemail.com', 'googlemail.com', 'free'],
    ['x@yahoo.com', 'x@yahoo.com', 'yahoo.com', 'free'],
    ['x@yahoo.co.uk', 'x@yahoo.co.uk', 'yahoo.co.uk', 'free'],
    ['x@yahoo.com.mx', 'x@yahoo.com.mx', 'yahoo.com.mx', 'free'],
    ['x@hotmail.fr', 'x@hotmail.fr', 'hotmail.fr', 'free'],
    ['x@outlook.com', 'x@outlook.com', 'outlook.com', 'free'],
    ['x@live.com', 'x@live.com', 'live.com', 'free'],
    ['x@msn.com', 'x@msn.com', 'msn.com', 'free'],
    ['x@aol.com', 'x@aol.com', 'aol.com', 'free'],
    ['x@icloud.com', 'x@icloud.com', 'icloud.com', 'free'],
    ['x@me.com', 'x@me.com', 'me.com', 'free'],
    ['x@mac.com', 'x@mac.com', 'mac.com', 'free'],
    ['x@proton.me', 'x@proton.me', 'proton.me', 'free'],
    ['x@protonmail.com', 'x@protonmail.com', 'protonmail.com', 'free'],
    ['x@gmx.de', 'x@gmx.de', 'gmx.de', 'free'],
    ['x@gmx.net', 'x@gmx.net', 'gmx.net', 'free'],
    ['x@web.de', 'x@web.de', 'web.de', 'free'],
    ['x@mail.ru', 'x@mail.ru', 'mail.ru', 'free'],
    ['x@yandex.ru', 'x@yandex.ru', 'yandex.ru', 'free'],
    ['x@qq.com', 'x@qq.com', 'qq.com', 'free'],
    ['x@163.com', 'x@163.com', '163.com', 'free'],
    ['x@zoho.com', 'x@zoho.com', 'zoho.com', 'free'],
    ['x@mailinator.com', 'x@mailinator.com', 'mailinator.com', 'disposable'],
    ['x@10minutemail.com', 'x@10minutemail.com', '10minutemail.com', 'disposable'],
    ['x@guerrillamail.com', 'x@guerrillamail.com', 'guerrillamail.com', 'disposable'],
    ['x@YOPmail.com', 'x@yopmail.com', 'yopmail.com', 'disposable'],
    ['x@temp-mail.org', 'x@temp-mail.org', 'temp-mail.org', 'disposable'],
    ['x@inbox.mailinator.com', 'x@inbox.mailinator.com', 'inbox.mailinator.com', 'disposable'],
  ] as const)('%j → %s (%s, %s)', (raw, email, domain, kind) => {
    expect(normalizeEmail(raw)).toEqual({ email, domain, kind });
  });

  it.each([
    ['dana@gmial.com', 'dana@gmail.com'],
    ['dana@gmai.com', 'dana@gmail.com'],
    ['dana@gamil.com', 'dana@gmail.com'],
    ['dana@gnail.com', 'dana@gmail.com'],
    ['dana@gmail.co', 'dana@gmail.com'],
    ['dana@gmail.con', 'dana@gmail.com'],
    ['dana@gimal.com', 'dana@gmail.com'],
    ['Dana@GMAILL.com', 'dana@gmail.com'], // not in the table: edit distance
    ['dana@gmail.cm', 'dana@gmail.com'],
    ['dana@hotmial.com', 'dana@hotmail.com'],
    ['dana@hotmal.com', 'dana@hotmail.com'],
    ['dana@hotmail.co', 'dana@hotmail.com'],
    ['dana@hotmial.co.uk', 'dana@hotmail.co.uk'],
    ['dana@yaho.com', 'dana@yahoo.com'],
    ['dana@yahooo.com', 'dana@yahoo.com'],
    ['dana@yahoo.con', 'dana@yahoo.com'],
    ['dana@yahoo.cm', 'dana@yahoo.com'],
    ['dana@outlok.com', 'dana@outlook.com'],
    ['dana@outlookk.com', 'dana@outlook.com'],
    ['dana@iclod.com', 'dana@icloud.com'],
    ['dana@icluod.com', 'dana@icloud.com'],
    ['dana@aol.co', 'dana@aol.com'],
    ['dana@googlemail.con', 'dana@googlemail.com'], // any free domain with a mistyped .com
    ['dana@protonmail.cmo', 'dana@protonmail.com'],
  ])('%s suggests %s', (raw, suggestion) => {
    const result = normalizeEmail(raw);
    expect(result).toMatchObject({ kind: 'work', suggestion });
  });

  it.each([
    'dana@gmail.com',
    'dana@ymail.com', // one edit from gmail.com, but Yahoo's
    'dana@mail.com', // one deletion from gmail.com, but real
    'dana@cloud.com', // one deletion from icloud.com, but Citrix's
    'dana@wahoo.com', // one edit from yahoo.com, but a company
    'dana@aon.com', // one edit from aol.com, but a company
    'dana@bol.com',
    'dana@protonmail.co', // .co is a real TLD, and protonmail is not one of the popular few
    'dana@acme.com',
    'dana@mailinator.com',
  ])('%s gets no suggestion', (raw) => {
    const result = normalizeEmail(raw);
    expect(result).not.toHaveProperty('error');
    expect(result).not.toHaveProperty('suggestion');
  });

  it.each([
    '',
    '   ',
    'dana',
    'dana@',
    '@acme.com',
    'dana@@acme.com',
    'da@na@acme.com',
    'dana whitfield@acme.com',
    'dana@acme com',
    'dana@acme',
    'dana@acme.c',
    'dana@acme.123',
    'dana@-acme.com',
    'dana@acme-.com',
    'dana@acme..com',
    'dana@.acme.com',
    '.dana@acme.com',
    'dana.@acme.com',
    'da..na@acme.com',
    'dana@acme.com/path',
    'dana@[192.168.0.1]',
    '"dana"@acme.com',
    `${'a'.repeat(65)}@acme.com`,
    `dana@${'a'.repeat(64)}.com`,
  ])('%j is invalid', (raw) => {
    expect(normalizeEmail(raw)).toEqual({ error: 'invalid' });
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const once = normalizeEmail(address);
        if ('error' in once) return;
        expect(normalizeEmail(once.email)).toEqual(once);
      }),
    );
  });
});

describe('isFreeMailDomain', () => {
  it.each([
    ['gmail.com', true],
    ['GMAIL.COM', true],
    ['hotmail.co.uk', true],
    ['outlook.es', true],
    ['yandex.com', true],
    ['gmx.at', true],
    ['yahoo.con', false], // a typo, not a Yahoo country site
    ['yahoo.example.com', false],
    ['acme.com', false],
    ['mailinator.com', false], // disposable, not free: the lists are kept apart
    ['sub.gmail.com', false],
  ])('%s → %s', (domain, expected) => {
    expect(isFreeMailDomain(domain)).toBe(expected);
  });
});

describe('isDisposableDomain', () => {
  it.each([
    ['mailinator.com', true],
    ['x.y.guerrillamail.com', true],
    ['YOPMAIL.FR', true],
    ['sharklasers.com', true],
    ['gmail.com', false],
    ['acme.com', false],
    ['notmailinator.com.example', false],
  ])('%s → %s', (domain, expected) => {
    expect(isDisposableDomain(domain)).toBe(expected);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['gmail.com', 'gmial.com', true], // swap
    ['gmail.com', 'gmaill.com', true], // insertion
    ['gmail.com', 'gmai.com', true], // deletion
    ['gmail.com', 'gmail.co', true], // deletion at the end
    ['gmail.com', 'gnail.com', true], // substitution
    ['gmail.com', 'gmail.com', false], // equal is distance 0
    ['gmail.com', 'gimal.com', false], // two edits
    ['gmail.com', 'gmx.com', false],
    ['', 'a', true],
    ['ab', 'ba', true],
    ['abc', 'ca', false],
  ])('%s ~ %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });
});
