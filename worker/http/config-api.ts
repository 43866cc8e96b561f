/**
 * The routing config under `/v1/admin` (admin token): read the live one, publish a new version
 * (with the version it was edited from, and why), list versions with who/when/why, read or
 * restore any of them. The RouterState object does the publishing (config/versions.ts); this
 * file turns its answers into HTTP.
 */
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../app-env.ts';
import { MAX_NOTE, VERSIONS_MAX, type Publication } from '../config/versions.ts';
import { bodyOf, invalid, tooLarge } from './admin-input.ts';

/** The config routes, mounted inside the admin app. */
export const configApi = new Hono<{ Bindings: AppEnv }>();

type AdminContext = Context<{ Bindings: AppEnv }>;

const router = (c: AdminContext) => c.env.ROUTER.getByName('global');

configApi.get('/config', async function readConfig(c) {
  const live = await router(c).config();
  c.header('ETag', `"${live.version}"`);
  return c.json(live);
});

/**
 * Publishes a config. Body `{ config, note, by?, base? }`, or the bare config with the note and
 * author in `X-Publish-Note` and `X-Publish-By` (percent-encoded); the version it was edited from in `If-Match: "<v>"`
 * (or `base`). A stale base gets 409 with the live version, an identical config 422.
 */
configApi.put('/config', async function publishConfig(c) {
  const body = await bodyOf(c);
  const envelope = isEnvelope(body);
  // A bare config carries its note and author in headers, percent-encoded (headers are Latin-1).
  const fields = envelope ? body : { by: header(c, 'X-Publish-By') };
  const note = text(envelope ? body['note'] : header(c, 'X-Publish-Note'), MAX_NOTE);
  if (note === undefined) return c.json(invalid('note', 'Say why: send { config, note } (or a bare config with an X-Publish-Note header)'), 400);
  return publish(c, envelope ? body['config'] : body, note, fields);
});

configApi.get('/config/versions', async function listVersions(c) {
  const limit = c.req.query('limit') === undefined ? undefined : Number(c.req.query('limit'));
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= VERSIONS_MAX))
    return c.json(invalid('limit', `limit must be a whole number from 1 to ${VERSIONS_MAX}`), 400);
  return c.json(await router(c).versions(limit));
});

configApi.get('/config/versions/:version', async function readVersion(c) {
  const found = await versionOf(c);
  if (!found) return noVersion(c);
  c.header('ETag', `"${found.version}"`);
  return c.json({ ...(await router(c).versionMeta(found.version)), config: found.config });
});

/** Publishes an earlier version again, as a new version; body `{ note?, by?, base? }`. */
configApi.post('/config/versions/:version/restore', async function restoreVersion(c) {
  const found = await versionOf(c);
  if (!found) return noVersion(c);
  const body = await bodyOf(c);
  return publish(c, found.config, text(body['note'], MAX_NOTE) ?? `restored v${found.version}`, body, found.version);
});

/** The `:version` asked for, with its JSON, if there is one. */
async function versionOf(c: AdminContext): Promise<{ version: number; config: unknown } | undefined> {
  const raw = c.req.param('version') ?? '';
  if (!/^\d{1,15}$/.test(raw)) return undefined;
  // oxlint-disable-next-line typescript/await-thenable -- an RPC call returns a promise, whatever the stub's type says
  const config = await router(c).versionJson(Number(raw));
  return config === undefined ? undefined : { version: Number(raw), config };
}

function noVersion(c: AdminContext): Response {
  return c.json({ error: 'not_found', message: `No config version ${JSON.stringify((c.req.param('version') ?? '').slice(0, 40))}` }, 404);
}

/** Publishes `input`, from the base in `If-Match` (or `fields.base`), by `fields.by`. */
async function publish(c: AdminContext, input: unknown, note: string, fields: Record<string, unknown>, restoredFrom?: number): Promise<Response> {
  const base = baseVersion(c.req.header('If-Match'), fields['base']);
  if (base === 'invalid') return c.json(invalid('base', 'If-Match (or base) must name a version, like "3"'), 400);
  const request = {
    input,
    note,
    by: text(fields['by'], 80) ?? 'admin',
    ...(base !== undefined ? { base } : {}),
    ...(restoredFrom !== undefined ? { restoredFrom } : {}),
  };
  return answer(c, await attempt(() => router(c).publish(request)));
}

/**
 * The publication, or undefined when the object failed before answering (its storage, or the
 * object itself): the commit is one write, so then nothing was published.
 */
async function attempt(publish: () => Promise<Publication>): Promise<Publication | undefined> {
  try {
    return await publish();
  } catch {
    return undefined;
  }
}

/** A publication as HTTP. */
function answer(c: AdminContext, result: Publication | undefined): Response {
  if (result === undefined) {
    c.header('Retry-After', '5');
    return c.json({ error: 'not_published', message: 'Nothing was published (the store failed); try again' }, 503);
  }
  if (result.ok) {
    c.header('ETag', `"${result.version}"`);
    return c.json({ version: result.version, ...(result.restored !== undefined ? { restored: result.restored } : {}), warnings: result.warnings });
  }
  switch (result.reason) {
    case 'invalid':
      return c.json({ error: 'invalid_config', message: 'The config was not published', issues: result.issues }, 400);
    case 'too_large':
      return tooLarge(c);
    case 'conflict': {
      const { configJson, ...meta } = result.current;
      c.header('ETag', `"${meta.version}"`);
      return c.json(
        {
          error: 'conflict',
          message: `v${meta.version} was published since you started: compare, then publish with If-Match "${meta.version}"`,
          current: { ...meta, config: JSON.parse(configJson) as unknown },
        },
        409,
      );
    }
    case 'unchanged':
      return c.json({ error: 'unchanged', message: `This is the live config (v${result.current.version}) already`, current: result.current }, 422);
  }
}

/** `{ config, note, … }` rather than a bare config (which has `routes` and never `config`). */
function isEnvelope(body: Record<string, unknown>): boolean {
  return Object.hasOwn(body, 'config') && !Object.hasOwn(body, 'routes');
}

/** A percent-encoded header's text. */
function header(c: AdminContext, name: string): string | undefined {
  const value = c.req.header(name);
  try {
    return value === undefined ? undefined : decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The trimmed text, capped; undefined when absent or blank. */
function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.trim().slice(0, max);
}

/** The base version from `If-Match: "3"` (weak and bare forms too; `*` is no base) or the body's `base`. */
function baseVersion(ifMatch: string | undefined, base: unknown): number | undefined | 'invalid' {
  if (ifMatch !== undefined) {
    const tag = ifMatch.trim();
    if (tag === '*') return undefined;
    const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(tag);
    return match ? Number(match[1]) : 'invalid';
  }
  if (base === undefined || base === null) return undefined;
  return typeof base === 'number' && Number.isSafeInteger(base) && base >= 0 ? base : 'invalid';
}
