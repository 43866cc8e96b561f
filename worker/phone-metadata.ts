/**
 * The Worker's phone metadata: a static asset (`/config/phone-metadata.json`, copied there by
 * the build) read once per isolate before the first lead is normalised, rather than 10 KB gzip
 * of data in every cold start's bundle (see shared/normalize/phone-metadata.ts).
 */
import { hasPhoneMetadata, setPhoneMetadata } from '../shared/normalize/phone-metadata.ts';
import type { AppEnv } from './app-env.ts';

/** Where the build puts the metadata among the static assets. */
export const PHONE_METADATA_PATH = '/config/phone-metadata.json';

let loading: Promise<void> | undefined;

/** Resolves once the phone metadata is in (at once after the first time in an isolate). */
export function ensurePhoneMetadata(env: Pick<AppEnv, 'ASSETS'>): Promise<void> {
  if (hasPhoneMetadata()) return Promise.resolve();
  loading ??= env.ASSETS.fetch(`https://assets.local${PHONE_METADATA_PATH}`)
    .then(async (res) => {
      if (!res.ok) throw new Error(`the phone metadata is missing from the static assets (${res.status}): run npm run build`);
      setPhoneMetadata(await res.json());
    })
    .finally(() => (loading = undefined));
  return loading;
}
