// Number phrases as news copy writes them: digits (with or without thousands separators, since
// FA-KES stripped the commas), number words up to the thousands, "a dozen", "two dozen".

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SCALES: Record<string, number> = {
  dozen: 12,
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
};

const FRACTIONS: Record<string, number> = {
  'a quarter': 250_000,
  'a half': 500_000,
  half: 500_000,
  'three quarters': 750_000,
};

const UNIT_WORDS = Object.keys(UNITS)
  .filter((w) => w !== 'zero')
  .join('|');
const TEN_WORDS = Object.keys(TENS).join('|');
const SMALL = `(?:(?:${TEN_WORDS})(?:[- ](?:${UNIT_WORDS}))?|${UNIT_WORDS})`;

/**
 * Source of a regex (no groups of its own that capture) matching one number phrase. Word forms
 * accept "a hundred", "two dozen", "three hundred and fifty", "sixty-two"; digit forms accept
 * "300,000", "300000", "1.5 million".
 */
export const NUMBER_SOURCE =
  `(?:a\\s+quarter|a\\s+half|half|three\\s+quarters)\\s+(?:of\\s+)?a\\s+million|half\\s+a\\s+dozen` +
  `|(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s+(?:thousand|million))?` +
  `|(?:a|one)\\s+million` +
  `|(?:(?:a|an|one|${SMALL})\\s+)?(?:dozen|hundred|thousand)(?:\\s+(?:and\\s+)?${SMALL})?` +
  `|${SMALL}`;

/** Parse a phrase matched by NUMBER_SOURCE into an integer, or null. */
export function parseNumber(phrase: string): number | null {
  const p = phrase.toLowerCase().replace(/,/g, '').trim().replace(/\s+/g, ' ');
  const fraction = /^(a quarter|a half|half|three quarters) (?:of )?a million$/.exec(p);
  if (fraction) return FRACTIONS[fraction[1] ?? ''] ?? null;
  if (p === 'half a dozen') return 6;
  if (/^\d/.test(p)) {
    const m = /^(\d+(?:\.\d+)?)(?:\s+(thousand|million))?$/.exec(p);
    if (!m) return null;
    const base = Number(m[1]);
    const scale = m[2] ? (SCALES[m[2]] ?? 1) : 1;
    return Math.round(base * scale);
  }
  let total = 0;
  let current = 0;
  for (const word of p.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word === 'a' || word === 'an') {
      current = 1;
      continue;
    }
    const unit = UNITS[word];
    if (unit !== undefined) {
      current += unit;
      continue;
    }
    const ten = TENS[word];
    if (ten !== undefined) {
      current += ten;
      continue;
    }
    const scale = SCALES[word];
    if (scale !== undefined) {
      const base = current === 0 ? 1 : current;
      if (scale >= 1000) {
        total += base * scale;
        current = 0;
      } else {
        current = base * scale;
      }
      continue;
    }
    return null;
  }
  return total + current;
}
