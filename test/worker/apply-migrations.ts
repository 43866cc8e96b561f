/** Applies migrations/ to the test D1 database (ACCOUNTS_DB) before each worker test file; applied ones are skipped. */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.ACCOUNTS_DB, env.TEST_MIGRATIONS);
