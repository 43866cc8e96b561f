/**
 * The draft config, kept in localStorage as it is typed, so an edit survives navigation, a
 * reload or a closed tab; it remembers the live version it started from, which publishing sends
 * as `If-Match` so an edit never silently overwrites someone else's publish.
 */
import type { RoutingConfigInput } from '../../../shared/config/schema.ts';

const KEY = 'lead-router.config-draft';
const AUTHOR_KEY = 'lead-router.author';

/** A draft: its JSON text (maybe not valid yet) and the version it was started from. */
export interface Draft {
  base: number;
  text: string;
  savedAt: number;
}

/** The saved draft, if any. */
export function loadDraft(): Draft | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    const draft = raw ? (JSON.parse(raw) as Draft) : undefined;
    return draft && typeof draft.text === 'string' && typeof draft.base === 'number' ? draft : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the draft. */
export function saveDraft(draft: Draft): void {
  localStorage.setItem(KEY, JSON.stringify(draft));
}

/** Forgets the draft (published or discarded). */
export function clearDraft(): void {
  localStorage.removeItem(KEY);
}

/** The JSON text of a config as the editor writes it. */
export function textOf(config: unknown): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The draft's JSON value, or the syntax error's message. */
export function jsonOf(text: string): { ok: true; value: RoutingConfigInput } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as RoutingConfigInput };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/** The name the person publishes under (remembered on this browser). */
export function author(): string {
  return localStorage.getItem(AUTHOR_KEY) ?? '';
}

/** Remembers the person's name for the next publish. */
export function rememberAuthor(name: string): void {
  localStorage.setItem(AUTHOR_KEY, name.trim());
}
