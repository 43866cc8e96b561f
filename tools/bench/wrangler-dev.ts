/**
 * Workers under `wrangler dev` for the benchmarks: start one on a port with its own local state
 * (on tmpfs where there is one: the benches measure the Worker, not the disk's fsync), wait until
 * it answers, and stop it however the script ends. Also the machine's load, printed with every
 * figure (the development machine is shared: a figure without its load average is not a figure).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Worker running under `wrangler dev`. */
export interface DevWorker {
  base: string;
  /** Everything wrangler and workerd printed so far. */
  log(): string;
  /**
   * CPU time (user + system, ms) used so far by wrangler dev and everything it started (workerd):
   * what the runtime spent, whatever else runs on the machine (Linux /proc; 10 ms ticks).
   */
  cpuMs(): number;
  stop(): void;
}

/** Options of one `wrangler dev`. */
export interface DevOptions {
  port: number;
  /** wrangler.toml to run (default: the product's, as `npm run dev` runs it: worker/dev-entry.ts in development mode). */
  config?: string;
  vars?: Record<string, string>;
  /** Extra arguments (e.g. `--inspector-port`). */
  args?: string[];
}

/** Starts `wrangler dev` and resolves once `GET /health` answers. */
export async function startWorker(options: DevOptions): Promise<DevWorker> {
  const state = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'bench-state-'));
  // The accounts index set up first, as `npm run dev` and `npm run deploy` do: the Worker then
  // looks each lead up in it, as a deployment does (and its health check is ok).
  if (readFileSync(options.config ?? 'wrangler.toml', 'utf8').includes('ACCOUNTS_DB')) {
    const migrate = ['d1', 'migrations', 'apply', 'ACCOUNTS_DB', '--local', '--persist-to', state, ...(options.config ? ['--config', options.config] : [])];
    execFileSync(process.execPath, [join('node_modules', 'wrangler', 'bin', 'wrangler.js'), ...migrate], {
      stdio: 'ignore',
      env: { ...process.env, CI: 'true' },
    });
  }
  const args = [
    join('node_modules', 'wrangler', 'bin', 'wrangler.js'),
    'dev',
    ...(options.config ? ['--config', options.config] : ['worker/dev-entry.ts']),
    '--port',
    String(options.port),
    '--ip',
    '127.0.0.1',
    '--persist-to',
    state,
    ...Object.entries({ ...(options.config ? {} : { ENVIRONMENT: 'development' }), ...options.vars }).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ...(options.args ?? []),
  ];
  // Locally every Durable Object is its own SQLite file: thousands of leads need thousands of
  // open files, more than the usual limit. Raise it for the Worker process (where allowed).
  const quoted = [process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const child: ChildProcess = spawn('bash', ['-c', `ulimit -n 200000 2>/dev/null || true; exec ${quoted}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(state, { recursive: true, force: true });
  };
  // However the script ends, wrangler dev (and its workerd) must not outlive it and keep the port.
  process.on('exit', stop);
  const base = `http://127.0.0.1:${options.port}`;
  const end = Date.now() + 90_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited:\n${log.slice(-3000)}`);
    try {
      if ((await fetch(`${base}/health`)).ok) return { base, log: () => log, cpuMs: () => treeCpuMs(child.pid!), stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`wrangler dev did not start:\n${log.slice(-3000)}`);
}

/** CPU ms used by process `root` and its descendants, living ones only (Linux; 0 elsewhere). */
function treeCpuMs(root: number): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const stats = new Map<number, { parent: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command's closing parenthesis: state, ppid, … utime (12th), stime (13th).
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => pid === root || (pid > 1 && stats.has(pid) && inTree(stats.get(pid)!.parent));
  let ticks = 0;
  for (const [pid, { ticks: t }] of stats) if (inTree(pid)) ticks += t;
  return ticks * 10;
}

/** The load average over 1, 5 and 15 minutes and the cores, as `uptime` gives it. */
export function machineLoad(): string {
  const [one, five, fifteen] = loadavg().map((l) => l.toFixed(2));
  return `load average ${one}, ${five}, ${fifteen}`;
}

/** Whether wrangler dev's local tracing is on: its trace collector costs workerd CPU on every call; production has none. */
export function tracing(): string {
  return process.env.X_LOCAL_OBSERVABILITY === 'false' ? 'off' : 'on (X_LOCAL_OBSERVABILITY=false turns it off)';
}

/** The value below which a share `p` of `values` falls. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

/** The median of `values`. */
export function median(values: number[]): number {
  return percentile(values, 0.5);
}
