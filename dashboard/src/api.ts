/**
 * The dashboard's one way to the Worker: `/v1/admin/*` with the admin token as a bearer. The
 * token lives in this tab's sessionStorage only, and a 401 logs the person out.
 */

const TOKEN_KEY = 'lead-router.admin-token';

/** An answer the API refused, with its message and per-field issues. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: { error?: string; message?: string; issues?: { field?: string; path?: string; message: string }[]; [key: string]: unknown };
  constructor(status: number, body: ApiError['body']) {
    super(body.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** The token this tab logged in with. */
export function token(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Remembers the token for this tab. */
export function login(value: string): void {
  sessionStorage.setItem(TOKEN_KEY, value);
}

/** Forgets the token. */
export function logout(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  location.hash = '';
  location.reload();
}

/** Calls the admin API; throws {@link ApiError} on refusal. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...init.headers, Authorization: `Bearer ${token() ?? ''}` };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/v1/admin${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const body = (await res.json().catch(() => ({}))) as T & ApiError['body'];
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

/** Checks a token against the API (true when accepted). */
export async function checkToken(value: string): Promise<boolean> {
  const res = await fetch('/v1/admin/config/versions', { headers: { Authorization: `Bearer ${value}` } });
  return res.ok;
}
