/**
 * What every command-line tool of this repo does with its arguments before anything else:
 * `--help` / `-h` prints the usage and exits 0; a wrong option prints the problem and the usage
 * on stderr and exits 2. Never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Prints `usage` and exits 0 when `--help` or `-h` is among the arguments. Call it first. */
export function helpRequested(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage.trim());
    process.exit(0);
  }
}

/** `parseArgs` with `--help` handled and a wrong option answered with the usage (exit 2). */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(usage: string, options: T) {
  helpRequested(usage);
  try {
    return parseArgs({ options, args: process.argv.slice(2) });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage.trim()}`);
    process.exit(2);
  }
}
