/**
 * Signed JSON posts from chat tools and other systems: `{ id, source, formType?, fields,
 * context?, intent? }`, where `id` is the record's id in the poster (a conversation, a ticket)
 * and `source` the poster's name (`intercom`, `drift`), which becomes the lead's source.
 */
import type { FieldIssue, LeadFields } from '../../shared/lead/types.ts';
import type { SourceLead } from './admit.ts';

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}$/;
const NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/** A post as a lead, or the issues that refuse it (400). */
export function postedLead(body: unknown): SourceLead | { issues: FieldIssue[] } {
  if (!isRecord(body))
    return { issues: [{ field: 'body', code: 'invalid', message: 'The body must be a JSON object: { id, source, fields, formType?, context?, intent? }' }] };
  const issues: FieldIssue[] = [];
  const id = body['id'];
  const source = typeof body['source'] === 'string' ? body['source'].toLowerCase() : undefined;
  if (typeof id !== 'string' || !ID.test(id))
    issues.push({ field: 'id', code: 'invalid', message: 'id is required: the record’s id in your system (letters, digits, _ . : @ -; at most 128)' });
  if (source === undefined || !NAME.test(source))
    issues.push({ field: 'source', code: 'invalid', message: 'source is required: your system’s name in lower case, like "intercom" (at most 40)' });
  if (!isRecord(body['fields']))
    issues.push({ field: 'fields', code: 'invalid', message: 'fields must be an object of lead fields, as the widget sends them' });
  if (body['formType'] !== undefined && typeof body['formType'] !== 'string')
    issues.push({ field: 'formType', code: 'invalid', message: 'formType must be a form type id of the config' });
  if (issues.length > 0) return { issues };
  return {
    origin: { system: 'webhook', id: id as string, name: source! },
    fields: body['fields'] as LeadFields,
    ...(typeof body['formType'] === 'string' ? { formType: body['formType'] } : {}),
    ...(isRecord(body['context']) ? { context: body['context'] } : {}),
    ...(body['intent'] !== undefined ? { intent: body['intent'] } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
