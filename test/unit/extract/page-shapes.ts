// An article's sentences laid out in the page shapes that fail Readability's readerable check
// (short paragraphs, a bullet list, an old table layout, text in divs) or put a consent banner in
// front of the article, each with the usual navigation and footer. For tests that check that no
// such page comes back empty where bare Readability finds the article.

import { escapeHtml as esc } from '../../../shared/util/escape-html.ts';

export type PageShape =
  | 'short-paragraphs'
  | 'bullet-list'
  | 'table-layout'
  | 'div-text'
  | 'cookie-banner';

export const PAGE_SHAPES: readonly PageShape[] = [
  'short-paragraphs',
  'bullet-list',
  'table-layout',
  'div-text',
  'cookie-banner',
];

export const CONSENT_TEXT =
  'We and our partners use cookies and similar technologies to store and access information on your device, to personalise ads and content and to measure audiences. Click Accept all to consent or Manage options to choose.';

const nav =
  '<nav class="top"><a href="/">Home</a> <a href="/world">World</a> <a href="/mideast">Middle East</a> <a href="/opinion">Opinion</a></nav>';
const footer =
  '<footer><a href="/about">About</a> <a href="/privacy">Privacy</a> &copy; News Example</footer>';

function body(shape: PageShape, title: string, sentences: string[]): string {
  const [first = '', ...rest] = sentences;
  switch (shape) {
    case 'short-paragraphs':
      return `<div class="story"><h1>${esc(title)}</h1>${sentences.map((s) => `<p>${esc(s)}</p>`).join('')}</div>`;
    case 'bullet-list':
      return `<div class="explainer"><h1>${esc(title)}</h1><p class="intro">${esc(first)}</p><ul>${rest.map((s) => `<li>${esc(s)}</li>`).join('')}</ul></div>`;
    case 'table-layout':
      return `<table width="960"><tr><td width="180"><a href="/local">Local</a><br><a href="/politics">Politics</a></td><td><b>${esc(title)}</b><br><br>${sentences.map(esc).join('<br><br>')}</td></tr></table>`;
    case 'div-text':
      return `<div class="content-wrap"><div class="headline">${esc(title)}</div>${sentences.map((s) => `<div class="t">${esc(s)}</div>`).join('')}</div>`;
    case 'cookie-banner':
      return `<div class="cmp-container"><p>${CONSENT_TEXT}</p><button>Accept all</button></div><div class="story-extra"><h1>${esc(title)}</h1>${sentences.map((s) => `<p>${esc(s)}</p>`).join('')}</div>`;
  }
}

/** A whole page in `shape` with the article's title and sentences. */
export function shapedPage(shape: PageShape, title: string, sentences: string[]): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | News Example</title><meta property="og:title" content="${esc(title)}"></head><body>${nav}${body(shape, title, sentences)}${footer}</body></html>`;
}
