/**
 * The phone metadata the server parses with: libphonenumber-js's "min" set for every country,
 * without the formatting-only fields (written by `npm run phone-metadata`, see
 * tools/phone-metadata.ts, into `phone-metadata.json`). Parsing, validation and E.164 read none
 * of what was removed.
 *
 * It is data, not code, and a third of the Worker's bundle: so it is not imported here but
 * handed in by the runtime. The Worker reads it from its static assets once per isolate
 * (worker/phone-metadata.ts); Node scripts and tests import `phone-metadata-file.ts`, which
 * hands in the JSON file.
 */
import type { MetadataJson } from 'libphonenumber-js/core';

let metadata: MetadataJson | undefined;

/** Hands in the metadata (once per process or isolate; later calls replace it). */
export function setPhoneMetadata(json: unknown): void {
  metadata = json as MetadataJson;
}

/** True once the metadata is in. */
export function hasPhoneMetadata(): boolean {
  return metadata !== undefined;
}

/** The server's phone metadata; throws when nobody handed it in. */
export function phoneMetadata(): MetadataJson {
  if (!metadata) throw new Error('phone metadata not loaded: the Worker awaits ensurePhoneMetadata(env), Node imports shared/normalize/phone-metadata-file.ts');
  return metadata;
}
