/** Every command-line tool answers `--help` (and `-h`) with its usage and exit code 0, and a wrong option with the usage and exit code 2: never a stack trace. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const TOOLS = [
  'tools/rules.ts',
  'tools/schema.ts',
  'tools/size.ts',
  'tools/phone-metadata.ts',
  'tools/bench/lead-cpu.ts',
  'tools/bench/routing.ts',
  'tools/bench/intake.ts',
  'tools/bench/metrics.ts',
];

async function run(tool: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(root, tool), ...args], { cwd: root, timeout: 30_000 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

describe('--help', () => {
  it.each(TOOLS)('%s prints its usage and exits 0', async (tool) => {
    for (const flag of ['--help', '-h']) {
      const { code, out, err } = await run(tool, flag);
      expect(out).toMatch(/^Usage: .*npm run /);
      expect(err).not.toMatch(/\bat \S+ \(|Error/);
      expect(code).toBe(0);
    }
  });

  it('rules: a wrong option prints the usage and exits 2, without a stack trace', async () => {
    const { code, out, err } = await run('tools/rules.ts', '--bogus');
    expect(err).toContain("Unknown option '--bogus'");
    expect(err).toContain('Usage: npm run rules');
    expect(err + out).not.toMatch(/\bat \S+ \(/);
    expect(code).toBe(2);
  });
});
