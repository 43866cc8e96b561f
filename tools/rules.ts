/**
 * The rules CLI: runs a file of test leads against a routing config and prints, per lead, the
 * owner, the route and why. Exits 1 when a lead's expectation is not met or the config is bad.
 *
 *   npm run rules                                   # the shipped example config and test leads
 *   npm run rules -- --config my.json --leads my-leads.json [--verbose] [--json]
 */
import { readFileSync } from 'node:fs';
import '../shared/normalize/phone-metadata-file.ts';
import { parseConfig } from '../shared/config/parse.ts';
import { TestLeadFileSchema, runTestLeads, type TestLeadResult } from '../shared/config/test-leads.ts';
import { parseCli } from './cli.ts';

const USAGE = `
Usage: npm run rules -- [--config routing.json] [--leads test-leads.json] [--verbose] [--json]

Runs test leads against a routing config and prints, per lead, the owner, the route and why.
Exits 1 when a lead's expectation is not met or a file is invalid.

  --config PATH   the routing config (default: shared/config/examples/routing.json)
  --leads PATH    the test leads (default: shared/config/examples/test-leads.json)
  -v, --verbose   every route and candidate considered, not only the ones taken
  --json          the results as JSON
  -h, --help      this help
`;

const examples = new URL('../shared/config/examples/', import.meta.url);
const { values } = parseCli(USAGE, {
  config: { type: 'string', default: new URL('routing.json', examples).pathname },
  leads: { type: 'string', default: new URL('test-leads.json', examples).pathname },
  verbose: { type: 'boolean', short: 'v', default: false },
  json: { type: 'boolean', default: false },
});

const parsed = parseConfig(readJson(values.config));
if (!parsed.ok) {
  console.error(`✗ ${values.config} is not a valid routing config:`);
  for (const issue of parsed.issues) console.error(`  ${issue.path}: ${issue.message}`);
  process.exit(1);
}
for (const warning of parsed.warnings) console.warn(`! ${warning.path}: ${warning.message}`);

const file = TestLeadFileSchema.safeParse(readJson(values.leads));
if (!file.success) {
  console.error(`✗ ${values.leads} is not a test-lead file:`);
  for (const issue of file.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}

const results = runTestLeads(file.data, parsed.config);
if (values.json) console.log(JSON.stringify(results, null, 2));
else for (const result of results) print(result, values.verbose);

const failed = results.filter((r) => !r.passed).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function print(result: TestLeadResult, verbose: boolean): void {
  console.log(`${result.passed ? '✓' : '✗'} ${result.name}\n    → ${result.summary}`);
  for (const mismatch of result.mismatches) console.log(`    ✗ ${mismatch}`);
  const q = result.qualification;
  if (q && q.status !== 'qualified') {
    const why = q.status === 'junk' ? q.junk.map((j) => j.detail).join('; ') : `missing ${q.missing.join(', ')}`;
    console.log(`    ! ${q.status}: ${why}`);
  }
  if (q && q.urgency !== 'normal') console.log(`    ! urgency ${q.urgency}: ${q.urgencySignals.join(', ')}`);
  for (const line of result.trace ?? []) {
    if (line.step === 'route' && (line.matched || verbose)) console.log(`    ${line.matched ? '✓' : '·'} route ${line.route}: ${line.reason}`);
    else if (line.step === 'candidate' && (line.taken || verbose || (line.reason !== 'not_next' && line.reason !== 'more_loaded'))) {
      console.log(`      ${line.taken ? '→' : '·'} ${line.rep}: ${line.detail}`);
    } else if (line.step === 'junk' || line.step === 'fallback') console.log(`    → ${line.reason}`);
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    console.error(`✗ cannot read ${path}: ${(error as Error).message}`);
    process.exit(1);
  }
}
