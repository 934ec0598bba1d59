import { allText, children } from './xml-tree.ts';

// Feed dates: RFC 822 in RSS, RFC 3339 in Atom, and in practice anything between (zone
// abbreviations, Arabic-Indic digits, no zone at all). Dates that cannot be real for a news item
// (before 1990, or days in the future) are dropped rather than trusted.

const EARLIEST = Date.UTC(1990, 0, 1);
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;

const ZONE_OFFSETS: Record<string, string> = {
  EET: '+0200',
  EEST: '+0300',
  CET: '+0100',
  CEST: '+0200',
  WET: '+0000',
  WEST: '+0100',
  BST: '+0100',
  MSK: '+0300',
  TRT: '+0300',
  IRST: '+0330',
  IDT: '+0300',
};

/** Parse a feed date to epoch ms, or null. Zone-less dates are UTC (never the host's zone). */
export function parseFeedDate(raw: string): number | null {
  let s = raw
    .trim()
    // Arabic-Indic and Persian digits appear in Arabic outlets' dates.
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\s+/g, ' ');
  if (s.length < 8 || s.length > 100 || !/\d{4}/.test(s)) return null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) {
    s = `${s.replace(' ', 'T')}Z`;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    s = `${s}T00:00:00Z`;
  } else {
    s = s.replace(/\b([A-Z]{3,4})$/, (z) => ZONE_OFFSETS[z] ?? z);
    // RFC 822 without a zone ("Sat, 21 Nov 2026 10:00:00") would be read as host-local time.
    if (/\d{1,2}:\d{2}(:\d{2})?$/.test(s) && !/\d{4}-\d{2}-\d{2}T/.test(s)) s = `${s} +0000`;
  }
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}

/** The first plausible date among the children named `keys`, as ISO 8601; null if none. */
export function sanePublished(node: unknown, keys: readonly string[], now: number): string | null {
  for (const key of keys) {
    for (const c of children(node, key)) {
      const t = parseFeedDate(allText(c));
      if (t !== null && t >= EARLIEST && t <= now + FUTURE_SLACK_MS) {
        return new Date(t).toISOString();
      }
    }
  }
  return null;
}
