/**
 * The accounts index on the dashboard: how many accounts and known contacts it holds, where from,
 * how the CRM syncs went, and a CSV upload for teams without a CRM connection (check first, then
 * import; every refused row named by row, column and reason).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, token } from './api.ts';
import { when } from './format.ts';

interface IndexView {
  counts: Record<string, { accounts: number; contacts: number }>;
  syncs: {
    crm: string;
    running?: { pages: number; accounts: number; waitingUntil?: number; note?: string };
    last?: { finishedAt: number; full: boolean; accounts: number; error?: string };
  }[];
}

interface ImportResult {
  imported: number;
  dropped: number;
  issues: { row: number; column: string; reason: string }[];
  message?: string;
}

/** The accounts card: counts, syncs, CSV upload. */
export function AccountsUpload() {
  const [view, setView] = useState<IndexView>();
  const [result, setResult] = useState<ImportResult & { checked: boolean }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const refresh = () => api<IndexView>('/accounts').then(setView, (e: Error) => setError(e.message));
  useEffect(() => void refresh(), []);

  const send = async (form: HTMLFormElement, dryRun: boolean) => {
    const data = new FormData(form);
    const file = data.get('file') as File | null;
    if (!file || file.size === 0) return setError('Choose a CSV file first.');
    setBusy(true);
    setError(undefined);
    const query = new URLSearchParams({ kind: String(data.get('kind')), mode: data.get('replace') ? 'replace' : 'merge', ...(dryRun ? { dryRun: '1' } : {}) });
    try {
      const res = await fetch(`/v1/admin/accounts/import?${query}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token() ?? ''}`, 'Content-Type': 'text/csv' },
        body: await file.text(),
      });
      const body = (await res.json()) as ImportResult;
      if (!res.ok && !Array.isArray(body.issues)) throw new ApiError(res.status, { message: body.message ?? `HTTP ${res.status}` });
      setResult({ ...body, checked: dryRun });
      if (!dryRun) await refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const syncNow = async (crm: string) => {
    try {
      await api('/accounts/sync', { method: 'POST', body: { crm } });
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section class="card" aria-labelledby="accounts-title">
      <h3 id="accounts-title">Accounts index</h3>
      {view && (
        <p class="muted">
          {Object.entries(view.counts)
            .map(([source, c]) => `${source}: ${c.accounts.toLocaleString()} accounts, ${c.contacts.toLocaleString()} contacts`)
            .join(' · ') || 'Empty: connect a CRM or upload a CSV.'}
        </p>
      )}
      {view?.syncs.map((s) => (
        <p key={s.crm}>
          {s.crm}:{' '}
          {s.running
            ? `syncing (${s.running.accounts.toLocaleString()} so far${s.running.waitingUntil ? `, waiting until ${when(s.running.waitingUntil)}: ${s.running.note ?? ''}` : ''})`
            : s.last
              ? `${s.last.error ? `failed: ${s.last.error}` : `${s.last.full ? 'full' : 'incremental'} sync, ${s.last.accounts.toLocaleString()} accounts`} at ${when(s.last.finishedAt)}`
              : 'never synced'}{' '}
          <button class="link" onClick={() => syncNow(s.crm)} disabled={Boolean(s.running)}>
            Sync now
          </button>
        </p>
      ))}
      <form class="actions" onSubmit={(e) => (e.preventDefault(), send(e.currentTarget, false))}>
        <label>
          CSV <input name="file" type="file" accept=".csv,text/csv" />
        </label>
        <label>
          <select name="kind">
            <option value="accounts">accounts (name, domains, owner, tier, parent, customer_since)</option>
            <option value="contacts">known contacts (email, owner, account)</option>
          </select>
        </label>
        <label>
          <input name="replace" type="checkbox" /> replace the earlier CSV upload
        </label>
        <span>
          <button type="button" disabled={busy} onClick={(e) => send(e.currentTarget.form!, true)}>
            Check
          </button>{' '}
          <button type="submit" class="primary" disabled={busy}>
            Import
          </button>
        </span>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {result && (
        <div role="status">
          <p>
            {result.checked ? 'Would import' : 'Imported'} {result.imported.toLocaleString()} row{result.imported === 1 ? '' : 's'}
            {result.dropped ? `, dropped ${result.dropped.toLocaleString()} no longer listed` : ''}
            {result.issues.length > 0 ? `; ${result.issues.length} problem${result.issues.length > 1 ? 's' : ''}:` : '.'}
          </p>
          {result.issues.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th>Row</th>
                  <th>Column</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.issues.slice(0, 200).map((i) => (
                  <tr key={`${i.row}:${i.column}`}>
                    <td>{i.row}</td>
                    <td>{i.column}</td>
                    <td>{i.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
