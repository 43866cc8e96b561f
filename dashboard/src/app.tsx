/**
 * The dashboard shell: the admin login, the navigation, and a hash router (`#/`, `#/leads?…`,
 * `#/lead/<id>`, `#/misroutes`, `#/spot-check`, `#/routing`, `#/config/<section>`), so every view has a link that can be
 * shared and reloaded.
 */
import { useEffect, useState } from 'preact/hooks';
import { checkToken, login, logout, token } from './api.ts';
import { ConfigEditor } from './config/editor.tsx';
import { Lead } from './lead.tsx';
import { Leads } from './leads.tsx';
import { Misroutes } from './misroutes.tsx';
import { Overview } from './overview.tsx';
import { RoutingPage } from './routing.tsx';
import { SpotCheck } from './spot-check.tsx';

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash;
}

/** The whole dashboard. */
export function App() {
  const [authed, setAuthed] = useState(token() !== null);
  const hash = useHash();
  if (!authed) return <Login onLogin={() => setAuthed(true)} />;
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  let page;
  let current = 'overview';
  if (path.startsWith('/lead/')) {
    page = <Lead id={decodeURIComponent(path.slice('/lead/'.length))} />;
    current = 'leads';
  } else if (path === '/leads') {
    page = <Leads params={params} />;
    current = params.get('is') === 'misrouted' && !params.get('dim') ? 'review' : 'leads';
  } else if (path === '/misroutes') {
    page = <Misroutes />;
    current = 'review';
  } else if (path === '/spot-check') {
    page = <SpotCheck />;
    current = 'review';
  } else if (path === '/routing') {
    page = <RoutingPage />;
    current = 'routing';
  } else if (path === '/config' || path.startsWith('/config/')) {
    page = <ConfigEditor tab={path.slice('/config/'.length)} />;
    current = 'config';
  } else {
    page = <Overview />;
  }
  const link = (id: string, href: string, label: string) => (
    <a href={href} aria-current={current === id ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <nav class="top" aria-label="Dashboard">
        <strong class="brand">Lead router</strong>
        {link('overview', '#/', 'Overview')}
        {link('leads', '#/leads', 'Leads')}
        {link('review', '#/misroutes', 'Misroutes')}
        {link('routing', '#/routing', 'Routing')}
        {link('config', '#/config', 'Edit routing')}
        <button class="link" onClick={logout}>
          Log out
        </button>
      </nav>
      <main>{page}</main>
    </>
  );
}

function Login({ onLogin }: { onLogin: () => void }) {
  const [error, setError] = useState<string>();
  const [development, setDevelopment] = useState(false);
  useEffect(() => {
    fetch('/health')
      .then((r) => r.json() as Promise<{ environment?: string }>)
      .then((h) => setDevelopment(h.environment === 'development'))
      .catch(() => undefined);
  }, []);
  return (
    <main class="login">
      <h1>Routing audit</h1>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const value = (new FormData(e.currentTarget).get('token') as string).trim();
          if (await checkToken(value)) {
            login(value);
            onLogin();
          } else setError('That admin token was refused.');
        }}
      >
        <label>
          Admin token{' '}
          <input name="token" type="password" autocomplete="current-password" required aria-invalid={error ? true : undefined} aria-describedby="login-error" />
        </label>
        <button type="submit">Log in</button>
        <p id="login-error" role="alert" class="error">
          {error ?? ''}
        </p>
        {development && <p class="muted">Local development: the token is dev-admin-token unless ADMIN_TOKEN is set.</p>}
      </form>
    </main>
  );
}
