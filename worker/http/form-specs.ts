/**
 * What a browser receives of the routing config's forms, and `widget.js` as the Worker serves
 * it: the built bundle with every form's spec inlined in front (one request renders a working
 * form), and a language's strings too when the page asks for them (`widget.js?lang=es`).
 *
 * Pure and free of Workers APIs: the Worker (widget-script.ts) and the widget's size check
 * (widget/size.ts, in Node) build the served file with this one function, so the budget is
 * measured on the bytes browsers get.
 */
import type { FormTypeSpec, RoutingConfig } from '../../shared/config/schema.ts';
import type { LeadFieldName } from '../../shared/lead/fields.ts';

/**
 * One form as the widget receives it: what it renders and checks, nothing of routing. Only
 * what the widget reads, since every byte is on the first load of every page with a form
 * (the form type's id is its key; `wanted`, `confirm` and the brand's name stay server-side).
 */
export interface FormSpec {
  /** The form's name ("Book a demo"): the English submit button and the form's label. */
  label: string;
  fields: LeadFieldName[];
  required: LeadFieldName[];
  workEmail?: boolean;
  /** The form's urgency floor: an urgent form's success text says who will call. */
  urgency?: FormTypeSpec['urgency'];
  /** The phone's country when nothing better is known. */
  defaultCountry?: string;
  options?: FormTypeSpec['options'];
  /** Where a person can write when the form cannot send (the brand's `replyTo`). */
  contact?: string;
}

/** Every form of a config, by form type id. */
export function formSpecs(config: RoutingConfig): Record<string, FormSpec> {
  const contact = config.brand?.replyTo;
  return Object.fromEntries(
    Object.entries(config.formTypes).map(([formType, spec]) => {
      const form: FormSpec = { label: spec.label, fields: spec.fields, required: spec.required };
      if (spec.workEmail) form.workEmail = true;
      if (spec.urgency) form.urgency = spec.urgency;
      if (spec.defaultCountry) form.defaultCountry = spec.defaultCountry;
      if (spec.options) form.options = spec.options;
      if (contact) form.contact = contact;
      return [formType, form];
    }),
  );
}

/** The languages whose strings can be served inline (each a lazy chunk, `widget-<lang>.js`). */
export const INLINE_LANGUAGES = ['es'] as const;

/** A language served inline. */
export type InlineLanguage = (typeof INLINE_LANGUAGES)[number];

/**
 * The language of `?lang=` when its strings can be inlined: `es`, `es-MX` → `es`; English and
 * anything else → undefined (English is in the bundle).
 */
export function inlineLanguage(lang: string | undefined): InlineLanguage | undefined {
  const primary = lang?.slice(0, 2).toLowerCase();
  return INLINE_LANGUAGES.find((known) => known === primary);
}

/**
 * `widget.js` as served: the form specs, then a language's chunk when one is asked for (it
 * registers its strings before the bundle runs, so a Spanish form renders from this one
 * response), then the bundle.
 * @example widgetBody(bundle, formSpecs(config), esChunk)
 */
export function widgetBody(bundle: string, forms: Record<string, FormSpec>, strings?: string): string {
  // `<` is escaped so the JSON cannot close a script element if someone inlines the file.
  const json = JSON.stringify(forms).replaceAll('<', '\\u003c');
  return `window.__leadRouterForms=${json};\n${strings ? `${strings}\n` : ''}${bundle}`;
}
