/**
 * Named accounts: a company's domain owned by one rep, whose leads go to them (or their
 * out-of-office backup) before any other rule that sends to "the named account's owner".
 */
import { removeAccount, setAccount } from '../../../shared/config/edits.ts';
import { AccountsUpload } from '../accounts-upload.tsx';
import type { Editor } from './editor.tsx';

/** The Named accounts tab. */
export function Accounts({ editor }: { editor: Editor }) {
  const c = editor.draft!;
  const accounts = Object.entries(c.accounts ?? {}).map(([domain, a]) => ({
    domain,
    owner: typeof a === 'string' ? a : a.owner,
    name: typeof a === 'string' ? undefined : a.name,
  }));
  const reps = Object.entries(c.reps).filter(([, r]) => r.active !== false);
  const usesAccounts = c.routes.some((r) => 'accountOwner' in r.to);
  return (
    <>
      <form
        class="card fields"
        aria-labelledby="add-account-title"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = new FormData(form);
          const domain = String(data.get('domain') ?? '').trim();
          const owner = String(data.get('owner') ?? '');
          const ok = editor.update(
            (d) => setAccount(d, domain, owner, String(data.get('company') ?? '').trim() || undefined),
            `${domain} now goes to ${c.reps[owner]?.name ?? owner}.`,
          );
          if (ok) form.reset();
        }}
      >
        <h2 id="add-account-title">Add a named account</h2>
        <label>
          Company domain <input name="domain" required placeholder="acme.com" pattern="[A-Za-z0-9.\-]+\.[A-Za-z]{2,}" title="a domain like acme.com" />
        </label>
        <label>
          Company name <input name="company" placeholder="Acme Corp" />
        </label>
        <label>
          Owner{' '}
          <select name="owner">
            {reps.map(([id, r]) => (
              <option key={id} value={id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add account</button>
      </form>
      {!usesAccounts && <p class="warn">No rule sends leads to the named account's owner: add one in Rules, or these accounts change nothing.</p>}
      <h2>Named accounts ({accounts.length})</h2>
      <p class="muted">A lead whose email or website is on the domain (or a sub-domain) goes to the owner.</p>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th>Domain</th>
              <th>Company</th>
              <th>Owner</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.domain}>
                <td>{a.domain}</td>
                <td>{a.name ?? ''}</td>
                <td>
                  <select
                    aria-label={`Owner of ${a.domain}`}
                    value={a.owner}
                    onChange={(e) => {
                      const owner = (e.target as HTMLSelectElement).value;
                      editor.update((d) => setAccount(d, a.domain, owner, a.name), `${a.domain} now goes to ${c.reps[owner]?.name ?? owner}.`);
                    }}
                  >
                    {Object.entries(c.reps).map(([id, r]) => (
                      <option key={id} value={id}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    class="link"
                    aria-label={`Remove ${a.domain}`}
                    onClick={() => editor.update((d) => removeAccount(d, a.domain), `${a.domain} removed.`)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <AccountsUpload />
    </>
  );
}
