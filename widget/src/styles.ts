/**
 * The form's look, inside its shadow root: nothing of the host page's CSS reaches in (the
 * wrapper resets inherited properties with `all: initial`), and the page themes the form
 * through `--lr-*` custom properties, which do cross the shadow boundary.
 *
 * Theming: `--lr-accent`, `--lr-fg`, `--lr-bg`, `--lr-border`, `--lr-error`, `--lr-radius`,
 * `--lr-font`; `data-theme="dark"` on the host.
 */

/**
 * The stylesheet. Defaults sit in `var()` fallbacks, so a page may set the properties on any
 * ancestor. One rule a line here: the minifier joins the strings, without line breaks to ship.
 */
export const CSS =
  '.lr{all:initial;display:block;font:15px/1.4 var(--lr-font,system-ui,sans-serif);color:var(--lr-fg,#222);background:var(--lr-bg,#fff);padding:16px;--e:var(--lr-error,#c00)}' +
  ':host([data-theme=dark]) .lr{color-scheme:dark;color:var(--lr-fg,#eee);background:var(--lr-bg,#222);--e:var(--lr-error,#f99)}' +
  '*{box-sizing:border-box;font:inherit;color:inherit}' +
  'fieldset{border:0;padding:0}' +
  'div{margin:0 0 12px}' +
  'label,input,select,textarea{display:block;width:100%}' +
  'input,select,textarea{padding:8px;border:1px solid var(--lr-border,#999);border-radius:var(--lr-radius,6px)}' +
  'textarea{height:6em}' +
  'p{margin:4px 0}' +
  '.checkbox{display:flex;gap:8px}' +
  '.checkbox input{width:auto}' +
  '[aria-invalid=true]{border-color:var(--e)}' +
  '.req,.err,.sum{color:var(--e)}' +
  'button{border:0;border-radius:var(--lr-radius,6px);padding:10px 18px;background:var(--lr-accent,#25e);color:#fff}' +
  '.link{padding:0;background:none;color:inherit;text-decoration:underline}' +
  '.hp{position:absolute;left:-9999px}';

let shared: CSSStyleSheet | undefined;

/**
 * Styles one shadow root, once. Prefers one constructed sheet adopted by every form (parsed
 * once, and allowed by a strict CSP without a nonce); falls back to a `<style>` that carries
 * the page's CSP nonce.
 */
export function applyStyles(root: ShadowRoot, nonce?: string): void {
  try {
    if (!shared) {
      shared = new CSSStyleSheet();
      shared.replaceSync(CSS);
    }
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, shared];
    return;
  } catch {
    // No constructable stylesheets (older Safari): a <style> element instead.
  }
  const style = document.createElement('style');
  if (nonce) style.nonce = nonce;
  style.textContent = CSS;
  root.prepend(style);
}
