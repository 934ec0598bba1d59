import { JSDOM } from 'jsdom';

// A feed item's own content is the fallback when its page cannot be had. It is HTML more often
// than not; jsdom's fragment parser gives its text without running or loading anything.

export function feedItemText(content: string | null): string {
  if (!content) return '';
  if (!/[<&]/.test(content)) return content.trim();
  const fragment = JSDOM.fragment(content.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' '));
  for (const el of fragment.querySelectorAll('p, br, div, li, h1, h2, h3, h4')) {
    el.append('\n\n');
  }
  return (fragment.textContent ?? '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*\n\s*/g, '\n\n')
    .trim();
}
