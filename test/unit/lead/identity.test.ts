import { describe, expect, it } from 'vitest';
import { canonicalEmail, identityKeys } from '../../../shared/lead/identity.ts';

describe('identity keys for dedupe', () => {
  it.each([
    ['dana@acme.com', 'dana@acme.com'],
    ['Dana@ACME.com', 'dana@acme.com'],
    ['dana+demo@acme.com', 'dana@acme.com'],
    ['d.ana@gmail.com', 'dana@gmail.com'],
    ['D.Ana+x@GoogleMail.com', 'dana@gmail.com'],
    ['d.ana@acme.com', 'd.ana@acme.com'],
    ['+tag@acme.com', '+tag@acme.com'],
  ])('%s is the inbox %s', (email, expected) => {
    expect(canonicalEmail(email)).toBe(expected);
  });

  it('gives one key per configured field the lead has', () => {
    expect(identityKeys({ email: 'a.b+c@gmail.com', phone: '+14155550123' }, ['email', 'phone'])).toEqual(['email:ab@gmail.com', 'phone:+14155550123']);
    expect(identityKeys({ email: 'a@b.co' }, ['email', 'phone'])).toEqual(['email:a@b.co']);
    expect(identityKeys({ phone: '+14155550123' }, ['email'])).toEqual([]);
  });
});
