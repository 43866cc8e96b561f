/**
 * Leads that come from somewhere other than the widget: a CRM (HubSpot, Salesforce) or a signed
 * JSON post (a chat tool, another system). The lead remembers its source record, so its owner is
 * written back onto that record and never onto a second copy.
 */

/** The systems leads come from besides the widget. */
export type SourceSystem = 'hubspot' | 'salesforce' | 'webhook';

/** Where a lead came from when not the widget: `lead.origin`. */
export interface LeadOrigin {
  system: SourceSystem;
  /** The record's id in that system: a HubSpot contact id, a Salesforce Lead id, the poster's id. */
  id: string;
  /** The poster's own name for itself (`intercom`, `drift`), for a signed JSON post. */
  name?: string;
  /** False when the source sends the person no confirmation (the config's `sources.<system>.confirm`). */
  confirm?: boolean;
}
