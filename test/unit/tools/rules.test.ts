/** The rules CLI, run as a team would run it before going live (seeds/004). */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const examples = join(root, 'shared/config/examples');

async function rules(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, 'tools/rules.ts'), ...args], { cwd: root });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('rules CLI', () => {
  it('runs the example test leads with every expectation met', async () => {
    const { code, out } = await rules();
    expect(out).toContain('22 passed, 0 failed');
    expect(out).not.toContain('! routes');
    expect(out).toContain('✓ Named account owner on holiday: Hooli goes to the PTO backup');
    expect(out).toContain('lee: out of office until 2027-01-02 00:00 America/Los_Angeles, backup Dana Whitfield');
    expect(out).toContain('✓ Demo request from a Spanish-speaking browser goes to the AE who speaks Spanish');
    expect(out).toContain('needs a speaker of es');
    expect(out).toContain('ben: does not speak es');
    expect(code).toBe(0);
  });

  it('warns, naming the route and the field, about a condition value no lead can have', async () => {
    const config = JSON.parse(readFileSync(join(examples, 'routing.json'), 'utf8'));
    config.routes.find((r: { id: string }) => r.id === 'free-tier').when.formType = 'trial';
    config.territories['us-east'].region.push('Bavaria');
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(dir, 'routing.json'), JSON.stringify(config));
    const { out } = await rules('--config', join(dir, 'routing.json'));
    expect(out).toContain('! territories.us-east.region: "Bavaria" is not a US region');
    expect(out).toContain(
      '! routes[13] "free-tier" when.formType: "trial" is not a form type (form types: demo_request, quote_request, contact, urgent_service, content_download, free_trial): this test never holds',
    );
  });

  it('fails, naming the lead and the difference, when a lead lands elsewhere than expected', async () => {
    const file = JSON.parse(readFileSync(join(examples, 'test-leads.json'), 'utf8'));
    file.leads[0].expect.owner = 'priya';
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(dir, 'leads.json'), JSON.stringify(file));
    const { code, out } = await rules('--leads', join(dir, 'leads.json'));
    expect(code).toBe(1);
    expect(out).toContain('✗ Named account: Acme asks for a demo');
    expect(out).toContain('owner rep "dana", expected rep "priya"');
    expect(out).toContain('21 passed, 1 failed');
  });

  it('refuses an invalid config, naming the route', async () => {
    const config = JSON.parse(readFileSync(join(examples, 'routing.json'), 'utf8'));
    config.routes[6].to = { pool: 'enterprize' };
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    writeFileSync(join(dir, 'routing.json'), JSON.stringify(config));
    const { code, out } = await rules('--config', join(dir, 'routing.json'));
    expect(code).toBe(1);
    expect(out).toContain('routes[6] "latam" to: no pool "enterprize"');
  });
});
