/** Builders shared by the tests of leads from other sources, the accounts lookup and enrichment (issue 11). */
import type { RoutingConfigInput } from '../../shared/config/schema.ts';
import { alwaysOpenConfig } from './helpers.ts';

/** The example config with a known-contacts rule first, as a team routing by the CRM's owners writes it. */
export function knownContactsConfig(): RoutingConfigInput {
  const config = alwaysOpenConfig();
  config.routes = [{ id: 'known-contacts', to: { contactOwner: true } }, ...config.routes];
  return config;
}

/** Hex HMAC-SHA256 of `${t}.${body}`: the `X-Lead-Router-Signature` scheme (`t=<unix>,v1=<hex>`). */
export async function leadRouterSignature(secret: string, body: string, t = Math.floor(Date.now() / 1000)): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${t}.${body}`));
  return `t=${t},v1=${Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
