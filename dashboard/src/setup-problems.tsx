/**
 * What is wrong with how this deployment is set up (`GET /v1/admin/health`): a missing secret,
 * no way to reach reps, a half-configured provider. Shown at the top of the first page until
 * fixed, loudest when leads are being refused.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from './api.ts';

interface Problem {
  setting: string;
  message: string;
  blocksLeads: boolean;
}

interface Health {
  ok: boolean;
  problems: Problem[];
}

/** The deployment's configuration problems, or nothing when there are none. */
export function SetupProblems() {
  const [problems, setProblems] = useState<Problem[]>([]);
  useEffect(() => {
    // Not ok is a 503 that carries the list.
    api<Health>('/health').then(
      (health) => setProblems(health.problems),
      (error: unknown) => {
        const body = error instanceof ApiError ? (error.body as Partial<Health>) : {};
        if (Array.isArray(body.problems)) setProblems(body.problems);
      },
    );
  }, []);
  if (problems.length === 0) return null;
  const blocking = problems.some((p) => p.blocksLeads);
  return (
    <section role="alert" aria-labelledby="setup-problems-title" class={blocking ? 'error' : 'warn'}>
      <h2 id="setup-problems-title">{blocking ? 'Leads are being refused: the setup is not finished' : 'Setup problems'}</h2>
      <ul>
        {problems.map((p) => (
          <li>
            <strong>{p.setting}</strong>: {p.message}
            {p.blocksLeads ? ' (leads are refused until this is fixed)' : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
