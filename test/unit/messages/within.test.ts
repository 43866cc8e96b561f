/** Response times in words, English and Spanish. */
import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../../shared/messages/strings.ts';
import { formatWithin } from '../../../shared/messages/within.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatWithin', () => {
  it.each([
    [15 * MIN, '15 minutes', '15 minutos'],
    [MIN, '1 minute', '1 minuto'],
    [5 * MIN, '5 minutes', '5 minutos'],
    [HOUR, '1 hour', '1 hora'],
    [4 * HOUR, '4 hours', '4 horas'],
    [90 * MIN, '1 hour and 30 minutes', '1 hora y 30 minutos'],
    [DAY, '1 day', '1 día'],
    [2 * DAY, '2 days', '2 días'],
    [DAY + HOUR, '1 day and 1 hour', '1 día y 1 hora'],
    [15 * MIN + 1, '16 minutes', '16 minutos'],
    [DAY - 1, '1 day', '1 día'],
    [30_000, '1 minute', '1 minuto'],
    [0, '1 minute', '1 minuto'],
  ])('%i ms is "%s" / "%s"', (ms, en, es) => {
    expect(formatWithin(ms, 'en')).toBe(en);
    expect(formatWithin(ms, 'es')).toBe(es);
  });

  it('falls back to English for a language we do not write', () => {
    expect(formatWithin(15 * MIN, 'de')).toBe('15 minutes');
    expect(formatWithin(15 * MIN)).toBe('15 minutes');
  });
});

describe('pickLanguage', () => {
  it.each([
    ['es', 'es'],
    ['es-MX', 'es'],
    [' ES ', 'es'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['constructor', 'en'],
    [undefined, 'en'],
  ])('%j → %s', (tag, expected) => {
    expect(pickLanguage(tag)).toBe(expected);
  });
});
