/**
 * The few HTML pieces our emails are made of. Every function takes plain text and escapes it
 * itself, so a caller cannot forget; the only raw HTML that flows between them is what these
 * functions returned. Styles are inline because mail clients drop `<style>` blocks.
 */
import { escapeHtml, ourUrl } from './escape.ts';

/** A fragment of HTML produced by this module (already escaped). */
export type Html = string & { readonly __brand: 'Html' };

/** Marks a string built here as HTML. Not exported: outside code cannot forge a fragment. */
function trusted(html: string): Html {
  return html as Html;
}

const FONT = 'font-family:-apple-system,BlinkMacSystemFont,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328';

/** A whole email document in `lang`, titled `title`, with `body` inside. */
export function htmlDocument(lang: string, title: string, body: readonly Html[]): string {
  return (
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:24px;${FONT}"><div style="max-width:600px;margin:0 auto">${body.join('')}</div></body></html>`
  );
}

/** A paragraph of text; line breaks in it are kept. */
export function paragraph(text: string, style = ''): Html {
  return trusted(`<p style="margin:0 0 16px${style ? `;${style}` : ''}">${lines(text)}</p>`);
}

/** A heading line. */
export function heading(text: string): Html {
  return trusted(`<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${escapeHtml(text)}</h1>`);
}

/** A quoted block, for the lead's own words. */
export function quote(text: string): Html {
  return trusted(`<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d0d7de;color:#424a53">${lines(text)}</blockquote>`);
}

/** A label/value row for {@link factTable}; `href` must be one we built (`tel:` or our URL). */
export interface HtmlFact {
  label: string;
  text: string;
  href?: string;
}

/** A two-column table of facts. */
export function factTable(facts: readonly HtmlFact[]): Html {
  const rows = facts
    .map((f) => {
      const value = f.href ? `<a href="${escapeHtml(f.href)}">${escapeHtml(f.text)}</a>` : lines(f.text);
      return `<tr><td style="padding:4px 12px 4px 0;vertical-align:top;color:#59636e;white-space:nowrap">${escapeHtml(f.label)}</td><td style="padding:4px 0;vertical-align:top">${value}</td></tr>`;
    })
    .join('');
  return trusted(`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse">${rows}</table>`);
}

/** A bulleted list. */
export function list(items: readonly string[]): Html {
  return trusted(`<ul style="margin:0 0 16px;padding-left:20px">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`);
}

/** A link styled as a button; `url` must be one we built and is checked. */
export function button(label: string, url: string, primary: boolean): Html {
  const colours = primary ? 'background:#1a7f37;color:#ffffff' : 'background:#f6f8fa;color:#1f2328;border:1px solid #d0d7de';
  return trusted(
    `<a href="${escapeHtml(ourUrl(url))}" style="display:inline-block;margin:0 8px 16px 0;padding:10px 18px;border-radius:6px;font-weight:600;text-decoration:none;${colours}">${escapeHtml(label)}</a>`,
  );
}

/** Small grey print, for footers and references. */
export function small(text: string): Html {
  return paragraph(text, 'font-size:13px;color:#59636e');
}

/** Escaped text with its line breaks as `<br>`. */
function lines(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}
