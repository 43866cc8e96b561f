/**
 * What the widget needs to render a form: the form type's fields, required set and options,
 * from the live routing config (form-specs.ts), so the browser validates exactly as the Worker
 * will. `GET /v1/forms/:formType?site=…` for one form, for a widget.js served without them
 * (a CDN copy); `GET /widget.js` inlines them all, so a page renders from one request.
 */
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../app-env.ts';
import { currentConfig } from '../config/store.ts';
import { siteAuth } from '../middleware/site-auth.ts';
import { formSpecs } from './form-specs.ts';

type FormsEnv = { Bindings: AppEnv; Variables: { site: string } };

/** `GET /v1/forms/:formType`, mounted at `/v1/forms`. */
export const forms = new Hono<FormsEnv>();

forms.use('/:formType', siteAuth());

forms.get('/:formType', async function readForm(c) {
  const { config } = await currentConfig(c.env.LEADS_KV, Date.now(), c.env.ROUTER.getByName('global'));
  const specs = formSpecs(config);
  // Own properties only: `/v1/forms/constructor` is no form.
  const form = Object.hasOwn(specs, c.req.param('formType')) ? specs[c.req.param('formType')] : undefined;
  if (!form)
    return c.json(
      { error: 'not_found', message: `Unknown form type "${c.req.param('formType')}"; expected one of: ${Object.keys(config.formTypes).join(', ')}` },
      404,
    );
  c.header('Cache-Control', 'public, max-age=60');
  return c.json(form);
});
