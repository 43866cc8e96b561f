/**
 * Hands the phone metadata file to the normaliser (see phone-metadata.ts): imported for its
 * effect by Node scripts and tests, never by the Worker, whose bundle would carry the file.
 */
import json from './phone-metadata.json' with { type: 'json' };
import { setPhoneMetadata } from './phone-metadata.ts';

setPhoneMetadata(json);
