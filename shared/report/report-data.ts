import { z } from 'zod';
import { ACTORS, OUTCOMES, QUALIFIERS, VICTIMS } from '../domain/claims.ts';
import { ReportDataError } from '../domain/errors.ts';

// What the analyst report is drawn from: the period and filters it was asked for, the incidents
// (one account per source), the accusations and the stories of that period. The renderer takes
// only this, so it does not depend on how records are stored; the store wiring maps its records
// here. Everything in it came from news feeds: titles, places, names and allegations are
// untrusted text, and URLs are checked to be http(s) before anything links to them.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date yyyy-mm-dd');
const isoDateTime = z.iso.datetime({ offset: true });
/** Article links: only http(s); a `javascript:` or `data:` URL from a hostile feed is refused. */
const articleUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname });
const text = (max: number) => z.string().max(max);
const count = z.number().int().nonnegative();

const actorRefSchema = z.object({
  /** Actor id of data/labels/GUIDELINES.md ("coalition", "syria_gov", ...). */
  id: text(40).min(1),
  /** How the report names it ("the US-led coalition"). */
  name: text(200).min(1),
});

const accountSchema = z.object({
  /** Who states the figure ("Syrian Observatory for Human Rights"). */
  source: text(300),
  /** The outlet that carried it ("Reuters"). */
  outlet: text(200),
  count,
  /** Upper bound of a stated range ("between 20 and 30"), else null. */
  max: count.nullable(),
  qualifier: z.enum(QUALIFIERS),
  url: articleUrl,
  articleTitle: text(1000),
  reportedAt: isoDateTime,
});

const incidentSchema = z
  .object({
    incidentId: text(200).min(1),
    /** Incident date (stated, or inferred from the article date), not when it was reported. */
    date: isoDate,
    place: text(200).nullable(),
    perpetrator: actorRefSchema.nullable(),
    outcome: z.enum(OUTCOMES),
    victims: z.enum(VICTIMS),
    /** Whose fighters or soldiers ("22 IS fighters"), when the accounts say. */
    victimSide: z.enum(ACTORS).nullable().optional(),
    /** The range across accounts: lowest count and highest figure (a range's max counts). */
    min: count,
    max: count,
    accounts: z.array(accountSchema).min(1),
  })
  .refine((i) => i.min <= i.max, { message: 'min must not exceed max', path: ['min'] });

const accusationSchema = z.object({
  accuser: actorRefSchema,
  accused: actorRefSchema,
  allegation: text(1000),
  /** When it was made public: the article's date (ISO date or date-time). */
  date: z.union([isoDate, isoDateTime]),
  url: articleUrl,
  outlet: text(200),
  incidentId: text(200).min(1).nullable(),
});

const storySchema = z.object({
  storyId: text(200).min(1),
  title: text(1000),
  /** Every outlet that carried the story, each once. */
  outlets: z.array(text(200)).min(1),
  firstOutlet: text(200),
  firstSeenAt: isoDateTime,
  articles: z
    .array(z.object({ outlet: text(200), url: articleUrl, reportedAt: isoDateTime }))
    .min(1),
});

export const reportDataSchema = z.object({
  /** The incident dates asked for; null for an open end. */
  period: z.object({ since: isoDate.nullable(), until: isoDate.nullable() }),
  filters: z.object({
    place: text(200).nullable().optional(),
    actor: text(200).nullable().optional(),
    source: text(300).nullable().optional(),
    outlet: text(200).nullable().optional(),
  }),
  generatedAt: isoDateTime,
  incidents: z.array(incidentSchema),
  accusations: z.array(accusationSchema),
  stories: z.array(storySchema),
});

export type ReportData = z.infer<typeof reportDataSchema>;
export type ReportIncident = ReportData['incidents'][number];
export type ReportAccount = ReportIncident['accounts'][number];
export type ReportAccusation = ReportData['accusations'][number];
export type ReportStory = ReportData['stories'][number];
export type ActorRef = z.infer<typeof actorRefSchema>;

/** Checks report input that comes from outside (an API body, a file); throws ReportDataError. */
export function parseReportData(input: unknown): ReportData {
  const parsed = reportDataSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first?.path.join('.') || '(root)';
  throw new ReportDataError(`report data invalid at ${where}: ${first?.message ?? 'invalid'}`, {
    cause: parsed.error,
  });
}
