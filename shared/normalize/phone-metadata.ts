/**
 * The phone metadata the server parses with: libphonenumber-js's "min" set for every country,
 * without the formatting-only fields (written by `npm run phone-metadata`, see
 * tools/phone-metadata.ts). Parsing, validation and E.164 read none of what was removed.
 */
import type { MetadataJson } from 'libphonenumber-js/core';
import json from './phone-metadata.json' with { type: 'json' };

/** The server's phone metadata. */
export const phoneMetadata = json as unknown as MetadataJson;
