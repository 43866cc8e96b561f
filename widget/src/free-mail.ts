/**
 * widget.js's `isFreeMailDomain`. The shared list of free-mail domains (0.7 KB gzip, a tenth of
 * the budget) comes with the `email` chunk, fetched when the email field is first used; the
 * build and the widget tests resolve the shared validator's import of
 * `shared/normalize/free-domains.ts` to this module (see `freeMailFromChunk` in
 * widget/vite.config.ts). Until the chunk is there, no domain counts as free: the form checks
 * the field again when it arrives, and the Worker refuses a free address on a work-email form
 * in any case, which the form then shows on the field.
 */

/** True when the `email` chunk is loaded and says `domain` is a free mail provider. */
export const isFreeMailDomain = (domain: string): boolean => !!window.__leadRouterChunks?.email?.isFreeMailDomain(domain);
