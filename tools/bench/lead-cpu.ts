/**
 * Server CPU per lead, as the Worker will spend it: JSON.parse of the body, validation,
 * normalisation (E.164 phone included), qualification, identity keys and routing, on the
 * example config. Prints the median and p90 per lead, with and without a phone number, the
 * medians as a multiple of the 25 µs budget, and where the time goes (the phone on its own too).
 */
import { readFileSync } from 'node:fs';
import '../../shared/normalize/phone-metadata-file.ts';
import { parseConfig } from '../../shared/config/parse.ts';
import { identityKeys } from '../../shared/lead/identity.ts';
import { prepareLead } from '../../shared/lead/prepare.ts';
import { validateSubmission } from '../../shared/lead/validate.ts';
import { normalizeCountry } from '../../shared/normalize/country.ts';
import { normalizeLead } from '../../shared/normalize/lead.ts';
import { normalizePhone } from '../../shared/normalize/phone.ts';
import { route } from '../../shared/routing/route.ts';
import type { RoutingState } from '../../shared/routing/types.ts';
import { random } from './fixture.ts';
import { helpRequested } from '../cli.ts';

helpRequested(`
Usage: npm run bench   (this is its first half)

Server CPU per lead over the shared path (parse, validate, normalise, qualify, route) on the
example config: median and p90 per lead, with and without a phone, against the 25 µs budget.
`);

const parsed = parseConfig(JSON.parse(readFileSync(new URL('../../shared/config/examples/routing.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error('example config invalid');
const config = parsed.config;
const at = Date.parse('2026-11-17T18:30:00Z');

const rand = random(11);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
// Country as typed, and a phone as typed there.
const PLACES: [string, string][] = [
  ['United States', '(415) 555-2671'],
  ['US', '212-555-0142'],
  ['Canada', '604 555 0199'],
  ['United Kingdom', '020 7946 0958'],
  ['Germany', '+49 30 901820'],
  ['México', '+52 55 1234 5678'],
];
const MESSAGES = [
  'We are evaluating routing tools for our sales team, can we see a demo this week?',
  'Need pricing for 40 seats.',
  'Necesitamos ayuda hoy con la integración del CRM.',
  'Call me.',
];

function body(i: number, phone: boolean): string {
  const place = pick(PLACES);
  const fields: Record<string, string | boolean> = {
    firstName: pick(['dana', 'Lee', 'María José', 'JORDAN']),
    lastName: pick(['Whitfield', 'okafor', 'García López']),
    email: `person${i}@${pick(['acme.com', 'brightpath.io', 'gmial.com', 'example.de'])}`,
    company: pick(['Acme Corp', 'BrightPath', 'Beispiel GmbH']),
    employees: pick(['50-200', '1k+', '12', '5,000']),
    country: place[0],
    message: pick(MESSAGES),
    consent: true,
  };
  if (phone) fields.phone = place[1];
  return JSON.stringify({
    formType: 'contact',
    fields,
    context: { pageUrl: 'https://northwind.example/pricing?utm_source=google', locale: 'en-US', timeOnFormMs: 42_000 },
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

const BUDGET_US = 25;

/** Times `work` on each body, five rounds after a warm-up; prints and returns median and p90 in µs. */
function measure<T>(label: string, inputs: T[], work: (input: T) => void, budget = false): { median: number; p90: number } {
  for (const input of inputs) work(input); // warm up
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const input of inputs) {
      const start = process.hrtime.bigint();
      work(input);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  const median = percentile(samples, 0.5);
  const p90 = percentile(samples, 0.9);
  // Against the budget: the median must stay at or under 1.00 × 25 µs.
  const ratio = budget ? `   median = ${(median / BUDGET_US).toFixed(2)} × budget` : '';
  console.log(`  ${label.padEnd(44)} median ${median.toFixed(1).padStart(5)} µs   p90 ${p90.toFixed(1).padStart(5)} µs${ratio}`);
  return { median, p90 };
}

const state: RoutingState = { cursors: {}, load: {} };
const keys = config.dedupe.keys;
const whole = (text: string) => {
  const prepared = prepareLead(JSON.parse(text), config);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
  identityKeys(prepared.lead, keys);
  route(prepared.lead, config, state, at);
};

console.log(`server CPU per lead (Node ${process.version}, 2,000 leads × 5 rounds each)`);
const withPhone = Array.from({ length: 2000 }, (_, i) => body(i, true));
const withoutPhone = Array.from({ length: 2000 }, (_, i) => body(i, false));
measure('whole path, with a phone', withPhone, whole, true);
measure('whole path, no phone', withoutPhone, whole, true);
measure('  JSON.parse + validate', withPhone, (t) => validateSubmission(JSON.parse(t), config.formTypes));
measure('  + normalise', withPhone, (t) => {
  const v = validateSubmission(JSON.parse(t), config.formTypes);
  if (v.ok) normalizeLead(v.submission);
});
// The phone as normalizeLead sees it: the number as typed, the country already normalised.
const phones = withPhone.map((text): [string, string | undefined] => {
  const fields = (JSON.parse(text) as { fields: { phone: string; country: string } }).fields;
  return [fields.phone, normalizeCountry(fields.country)];
});
measure('  the phone alone (normalizePhone)', phones, ([phone, country]) => normalizePhone(phone, country));
console.log(`  (budget for the whole path: ${BUDGET_US} µs median)`);
