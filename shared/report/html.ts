import { escapeHtml } from '../util/escape-html.ts';

// The report's HTML is written with one tagged template: every interpolated value is escaped
// unless it is already SafeHtml (built by this template, or an SVG serialised by the DOM), so
// a title or an allegation from a hostile feed cannot become markup by forgetting a call.

const SAFE = Symbol('safe-html');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly html: string;
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

const safe = (s: string): SafeHtml => ({ [SAFE]: true, html: s });

const isSafe = (v: unknown): v is SafeHtml =>
  typeof v === 'object' && v !== null && (v as { [SAFE]?: unknown })[SAFE] === true;

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (isSafe(part)) return part.html;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/** Tagged template: literal parts kept, interpolations escaped (arrays joined, null/false dropped). */
export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return safe(out);
}

/**
 * Markup that is safe by construction and not by this template: a DOM serialisation (jsdom
 * escapes text and attribute values) or the report's own constant stylesheet.
 */
export const trustedMarkup = (s: string): SafeHtml => safe(s);

/** An article link target: the URL when it is http(s), else null (nothing links to it). */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** `<a href>` to an article when its URL is http(s); plain text otherwise. */
export function link(url: string, label: Part, attrs: { title?: string } = {}): SafeHtml {
  const href = safeHref(url);
  const title = attrs.title ? html` title="${attrs.title}"` : '';
  if (href === null) return html`<span${title}>${label}</span>`;
  return html`<a href="${href}"${title} rel="noopener noreferrer">${label}</a>`;
}
