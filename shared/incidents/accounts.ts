import { sidesClash } from '../claims/victim-side.ts';
import type { Actor } from '../domain/claims.ts';
import type {
  Account,
  ArticleRef,
  Change,
  FigureValue,
  Measure,
  ReportedFigure,
  StatedFigure,
  Tally,
} from './types.ts';

// Accounts: one per source of an incident. Merging one reported figure into them says what
// changed: a higher figure from the same source is a revision ("from 22 to 43"); a figure from
// another source that no account states is a disagreement (lower or higher alike: never a
// corroboration); a figure for a measure nobody stated is a new figure; the same value again
// (from the same source via another outlet, or from another source, or a value an account
// stated before it revised it) changes nothing.

/** Accounts kept per incident (a DynamoDB item holds 400 KB); later sources add outlets only. */
export const MAX_ACCOUNTS = 30;
/** Measures kept per account (killed/injured/missing of a few victim groups). */
export const MAX_FIGURES_PER_ACCOUNT = 6;
/** Other accounts named in a disagreement. */
export const MAX_OTHERS = 10;
/** Longest quote kept (a whole sentence is far shorter); with the caps above and those of
 * tracked.ts an incident item stays well under DynamoDB's 400 KB. */
export const MAX_QUOTE = 400;
/** Longest source name kept. */
export const MAX_SOURCE = 150;
/** Outlets named per account (the record's reports keep every article). */
export const MAX_OUTLETS = 10;

export const upperOf = (v: FigureValue): number => v.max ?? v.count;

export function sameValue(a: FigureValue, b: FigureValue): boolean {
  return a.count === b.count && upperOf(a) === upperOf(b);
}

/** Whether `next` is a higher toll than `known` (the upper bound first, then the lower). */
export function isHigher(next: FigureValue, known: FigureValue): boolean {
  const d = upperOf(next) - upperOf(known);
  return d > 0 || (d === 0 && next.count > known.count);
}

/** Whose fighters or soldiers a measure counts; null when unsaid or stored before sides were kept. */
export const sideOf = (m: Measure): Actor | null => m.victimSide ?? null;

/** One key per measure: outcome x victims x side ("killed|fighters|isis", "killed|civilians|"). */
export const measureKey = (m: Measure): string => `${m.outcome}|${m.victims}|${sideOf(m) ?? ''}`;

export const sameMeasure = (a: Measure, b: Measure): boolean =>
  a.outcome === b.outcome && a.victims === b.victims && sideOf(a) === sideOf(b);

/** Outcome and victims alike, and no two different sides named: a figure may be the same one. */
export const compatibleMeasure = (a: Measure, b: Measure): boolean =>
  a.outcome === b.outcome && a.victims === b.victims && !sidesClash(a.victimSide, b.victimSide);

/** The measure's fields, the side only when there is one (older shapes stay as they were). */
export function measureOf(m: Measure): Measure {
  const side = sideOf(m);
  return side
    ? { outcome: m.outcome, victims: m.victims, victimSide: side }
    : { outcome: m.outcome, victims: m.victims };
}

export const figureValue = (v: FigureValue): FigureValue => ({
  count: v.count,
  max: v.max !== null && v.max !== v.count ? v.max : null,
  qualifier: v.qualifier,
});

const firstReported = (a: ArticleRef): string => a.publishedAt ?? a.seenAt;

function stated(
  f: ReportedFigure,
  article: ArticleRef,
  previous: FigureValue | null,
): StatedFigure {
  return {
    ...measureOf(f),
    ...figureValue(f),
    partOf: f.partOf,
    quote: f.quote.slice(0, MAX_QUOTE),
    previous,
    articleId: article.articleId,
  };
}

export function newAccount(f: ReportedFigure, article: ArticleRef): Account {
  return {
    sourceKey: f.sourceKey,
    source: f.source.slice(0, MAX_SOURCE),
    outlet: article.outlet,
    articleId: article.articleId,
    url: article.url,
    title: article.title,
    firstReportedAt: firstReported(article),
    figures: [stated(f, article, null)],
    outlets: [article.outlet],
  };
}

const withOutlet = (a: Account, outlet: string): Account =>
  a.outlets.includes(outlet) || a.outlets.length >= MAX_OUTLETS
    ? a
    : { ...a, outlets: [...a.outlets, outlet] };

/** How a figure new to its account compares with what the other accounts state. */
function compareWithOthers(accounts: readonly Account[], f: ReportedFigure): Change | null {
  const others = accounts
    .filter((a) => a.sourceKey !== f.sourceKey)
    .flatMap((a) =>
      a.figures
        .filter((x) => sameMeasure(x, f))
        .map((x) => ({ source: a.source, value: figureValue(x) })),
    );
  const base = {
    source: f.source,
    sourceKey: f.sourceKey,
    measure: measureOf(f),
    partOf: f.partOf,
  };
  if (!others.length) return { type: 'new_figure', ...base, value: figureValue(f) };
  if (others.some((o) => sameValue(o.value, f))) return null;
  // An account's earlier value again (a copy of the first report, read after the revision) is
  // that report repeated, not a new account that disagrees.
  const earlier = accounts
    .filter((a) => a.sourceKey !== f.sourceKey)
    .flatMap((a) => a.figures.filter((x) => sameMeasure(x, f) && x.previous))
    .map((x) => x.previous as FigureValue);
  if (earlier.some((v) => sameValue(v, f))) return null;
  return {
    type: 'disagreement',
    ...base,
    value: figureValue(f),
    others: others.slice(0, MAX_OTHERS),
  };
}

export interface Merged {
  accounts: Account[];
  change: Change | null;
}

/** Merges one figure of one article into the accounts; see the module comment. */
export function mergeFigure(
  accounts: readonly Account[],
  f: ReportedFigure,
  article: ArticleRef,
): Merged {
  const i = accounts.findIndex((a) => a.sourceKey === f.sourceKey);
  const account = accounts[i];
  if (!account) {
    if (accounts.length >= MAX_ACCOUNTS) return { accounts: [...accounts], change: null };
    return {
      accounts: [...accounts, newAccount(f, article)],
      change: compareWithOthers(accounts, f),
    };
  }
  const replace = (a: Account) => accounts.map((x, j) => (j === i ? a : x));
  const j = account.figures.findIndex((x) => sameMeasure(x, f));
  const known = account.figures[j];
  if (!known) {
    if (account.figures.length >= MAX_FIGURES_PER_ACCOUNT)
      return { accounts: [...accounts], change: null };
    const change = compareWithOthers(accounts, f);
    const grown = { ...account, figures: [...account.figures, stated(f, article, null)] };
    return { accounts: replace(withOutlet(grown, article.outlet)), change };
  }
  if (!isHigher(f, known))
    return { accounts: replace(withOutlet(account, article.outlet)), change: null };
  const from = figureValue(known);
  const figures = account.figures.map((x, k) => (k === j ? stated(f, article, from) : x));
  const change: Change = {
    type: 'figure_revised',
    source: account.source,
    sourceKey: f.sourceKey,
    measure: measureOf(f),
    partOf: f.partOf,
    from,
    to: figureValue(f),
  };
  return { accounts: replace(withOutlet({ ...account, figures }, article.outlet)), change };
}

type Valued = Measure & FigureValue;

/**
 * A figure of fighters or soldiers whose side one telling leaves unsaid is the side another
 * states for the same value ("62 soldiers" beside "62 Syrian soldiers": one figure, told with and
 * without its side), when the incident's accounts and the report give that value one side only.
 * Another value with no side stays unknown ("22 fighters" beside "4 YPG fighters" may be the
 * other side's dead). Returns the accounts and figures with sides filled.
 */
export function alignSides(
  accounts: readonly Account[],
  figures: readonly ReportedFigure[],
): { accounts: Account[]; figures: ReportedFigure[] } {
  const base = (m: Valued) => `${m.outcome}|${m.victims}|${m.count}|${upperOf(m)}`;
  const sides = new Map<string, Set<Actor>>();
  for (const m of [...accounts.flatMap((a) => a.figures), ...figures]) {
    const side = sideOf(m);
    if (side) sides.set(base(m), (sides.get(base(m)) ?? new Set<Actor>()).add(side));
  }
  const only = (m: Valued): Actor | null => {
    const s = sides.get(base(m));
    return s?.size === 1 ? ([...s][0] ?? null) : null;
  };
  const fill = <T extends Valued>(m: T): T => {
    const side = sideOf(m) ? null : only(m);
    return side ? { ...m, victimSide: side } : m;
  };
  // An account keeps one figure per measure: it is not filled into a side it already states.
  const fillIn = (a: Account): Account => {
    const figures = a.figures.map(fill);
    const twice = figures.some((f, i) => figures.some((g, j) => j < i && sameMeasure(f, g)));
    return twice || figures.every((f, i) => f === a.figures[i]) ? a : { ...a, figures };
  };
  return { accounts: accounts.map(fillIn), figures: dedupeFigures(figures.map(fill)) };
}

/** One figure per (source, measure): a source repeating or updating itself keeps the highest. */
export function dedupeFigures(figs: readonly ReportedFigure[]): ReportedFigure[] {
  const byKey = new Map<string, ReportedFigure>();
  for (const f of figs) {
    const k = `${f.sourceKey}|${measureKey(f)}`;
    const seen = byKey.get(k);
    if (!seen || isHigher(f, seen)) byKey.set(k, f);
  }
  return [...byKey.values()];
}

/** The range across accounts, one tally per measure, in the order measures first appeared. */
export function tallies(accounts: readonly Account[]): Tally[] {
  const byMeasure = new Map<string, Tally>();
  for (const a of accounts) {
    for (const f of a.figures) {
      const k = measureKey(f);
      const t = byMeasure.get(k);
      if (!t) {
        byMeasure.set(k, {
          ...measureOf(f),
          partOf: f.partOf,
          min: f.count,
          max: upperOf(f),
          accounts: 1,
        });
        continue;
      }
      t.min = Math.min(t.min, f.count);
      t.max = Math.max(t.max, upperOf(f));
      t.accounts += 1;
      t.partOf ??= f.partOf;
    }
  }
  return [...byMeasure.values()];
}

const OUTCOME_RANK = { killed: 0, injured: 1, missing: 2 } as const;

/** The headline measure: killed before injured before missing; a total before its parts; largest. */
export function primaryTally(ts: readonly Tally[]): Tally | null {
  return (
    [...ts].sort(
      (a, b) =>
        OUTCOME_RANK[a.outcome] - OUTCOME_RANK[b.outcome] ||
        Number(a.partOf !== null) - Number(b.partOf !== null) ||
        b.max - a.max,
    )[0] ?? null
  );
}
