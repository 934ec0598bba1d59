// Judging what Readability returned, instead of gating whether it runs: is it an article, a
// list of headlines (a section front), or a notice that stood in front of the article (a cookie
// or consent banner, a paywall or "enable JavaScript" prompt)?

/** Share of the text that sits inside links. */
export function linkDensity(content: Node): number {
  const total = (content.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  const links = (content as Element).getElementsByTagName?.('a') ?? [];
  for (let i = 0; i < links.length; i++) {
    linked += (links[i]?.textContent ?? '').replace(/\s+/g, '').length;
  }
  return linked / total;
}

/**
 * More than this share of the text in links: a list of headlines, not an article. Asked only of
 * pages that fail Readability's own readerable check, so an article with many links stays one.
 */
export const HEADLINE_LIST_LINK_DENSITY = 0.5;

// A consent banner speaks of cookies, of consent, and of data or partners: two of the three.
const CONSENT_CUES = [
  /\bcookies?\b/i,
  /\b(?:consent|accept(?:\s+all)?|agree|reject\s+all|manage\s+(?:options|preferences|settings))\b/i,
  /\b(?:privacy|personal\s+data|GDPR|data\s+protection|your\s+device|partners|vendors|personali[sz]e|advertis\w*)\b/i,
];
// A prompt that stands in for the article on its own.
const PROMPT_RE =
  /\b(?:subscribe|subscription|subscribers?|sign\s+in|log\s+in|register)\b[^.]{0,60}\b(?:to\s+(?:continue|read|access|view)|for\s+(?:full|unlimited)\s+access)\b|\b(?:enable|turn\s+on)\s+JavaScript\b|\bad\s*-?\s*blocker\b/i;

/** Whether a (short) text is a site's notice rather than news: consent banner, paywall, prompt. */
export function looksLikeNotice(text: string): boolean {
  if (PROMPT_RE.test(text)) return true;
  return CONSENT_CUES.filter((re) => re.test(text)).length >= 2;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * `text` without the paragraphs of `notice` (the notice Readability first took for the article,
 * which its second pass keeps beside the article); null when nothing else is left.
 */
export function withoutNotice(text: string, notice: string): string | null {
  const drop = new Set(notice.split('\n\n').map(norm));
  const kept = text.split('\n\n').filter((p) => !drop.has(norm(p)));
  const out = kept.join('\n\n').trim();
  return out ? out : null;
}
