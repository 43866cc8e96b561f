/**
 * What the widget needs to render a form: the form type's fields, required set and options,
 * from the live routing config, so the browser validates exactly as the Worker will.
 * `GET /v1/forms/:formType?site=…` for one form; `GET /widget.js` inlines them all, so a page
 * renders a working form from one request.
 */
import { Hono } from 'hono/tiny';
import type { FormTypeSpec, RoutingConfig } from '../../shared/config/schema.ts';
import type { LeadFieldName } from '../../shared/lead/fields.ts';
import type { AppEnv } from '../app-env.ts';
import { currentConfig } from '../config/store.ts';
import { siteAuth } from '../middleware/site-auth.ts';

/** One form as the widget receives it: the parts of the form type a browser needs, nothing of routing. */
export interface FormSpec {
  formType: string;
  label: string;
  brand: string;
  fields: LeadFieldName[];
  required: LeadFieldName[];
  wanted?: LeadFieldName[];
  workEmail?: boolean;
  /** The form's urgency floor: an urgent form's success text says who will call. */
  urgency?: FormTypeSpec['urgency'];
  defaultCountry?: string;
  options?: FormTypeSpec['options'];
  confirm?: FormTypeSpec['confirm'];
}

/** Every form of a config, by form type id. */
export function formSpecs(config: RoutingConfig): Record<string, FormSpec> {
  const brand = config.brand?.name ?? '';
  return Object.fromEntries(
    Object.entries(config.formTypes).map(([formType, spec]) => {
      const form: FormSpec = { formType, label: spec.label, brand, fields: spec.fields, required: spec.required };
      if (spec.wanted) form.wanted = spec.wanted;
      if (spec.workEmail) form.workEmail = true;
      if (spec.defaultCountry) form.defaultCountry = spec.defaultCountry;
      if (spec.urgency) form.urgency = spec.urgency;
      if (spec.options) form.options = spec.options;
      if (spec.confirm) form.confirm = spec.confirm;
      return [formType, form];
    }),
  );
}

type FormsEnv = { Bindings: AppEnv; Variables: { site: string } };

/** `GET /v1/forms/:formType`, mounted at `/v1/forms`. */
export const forms = new Hono<FormsEnv>();

forms.use('/:formType', siteAuth());

forms.get('/:formType', async function readForm(c) {
  const { config } = await currentConfig(c.env.LEADS_KV, Date.now(), c.env.ROUTER.getByName('global'));
  const form = formSpecs(config)[c.req.param('formType')];
  if (!form) return c.json({ error: 'not_found', message: `Unknown form type "${c.req.param('formType')}"; expected one of: ${Object.keys(config.formTypes).join(', ')}` }, 404);
  c.header('Cache-Control', 'public, max-age=60');
  return c.json(form);
});
