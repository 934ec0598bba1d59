import { compatibleMeasure, sameValue } from './accounts.ts';
import { accusationFits } from './accusation-fit.ts';
import { DATE_WINDOW_DAYS, daysApart, RETOLD_WINDOW_DAYS } from './identity.ts';
import { sameParty } from './parties.ts';
import type { AccusationReport, Incident, IncidentReport } from './types.ts';

// Which of the incidents found under a report's lookup keys (and its story's incidents) the
// report is about. Same place within the date window first, nearest day first; then, for a
// figure only its article's date dates, the same place in the two weeks before with the same
// figure and perpetrator (retold); then the same story: a placeless incident of the story is
// taken by a placed report that shares a figure or the perpetrator with it (it is that incident,
// now placed); a placeless report takes the story's incident it shares a figure with, or the
// story's only incident. Ties go to the incident created
// first, then the smaller id, so every worker chooses the same one. A report naming another
// perpetrator is about the same incident only when it shares a figure with it.

const conflicting = (a: Incident, r: Pick<IncidentReport, 'perpetrator'>): boolean =>
  a.perpetrator !== null && r.perpetrator !== null && !sameParty(a.perpetrator, r.perpetrator);

function sharesFigure(i: Incident, r: IncidentReport): boolean {
  return r.figures.some((f) =>
    i.accounts.some((a) => a.figures.some((x) => compatibleMeasure(x, f) && sameValue(x, f))),
  );
}

/**
 * A figure its article does not date, the same as an incident's at the same place in the days
 * before the article, by the same perpetrator: that incident, retold.
 */
function retold(i: Incident, r: IncidentReport, days: number): boolean {
  if (r.dateBasis !== 'published' || !i.date || !r.date || i.date > r.date) return false;
  const samePerpetrator = i.perpetrator !== null && sameParty(i.perpetrator, r.perpetrator);
  return days <= RETOLD_WINDOW_DAYS && samePerpetrator && sharesFigure(i, r);
}

/** Lower is closer; null when the report is not about this incident. */
function distance(i: Incident, r: IncidentReport, storyCount: number): number | null {
  // Two perpetrators at one place and day are two incidents, unless the figures tie them: then
  // it is one incident whose perpetrator is disputed.
  if (conflicting(i, r) && !sharesFigure(i, r)) return null;
  if (i.placeKey && r.placeKey) {
    if (i.placeKey !== r.placeKey) return null;
    const days = daysApart(i.date, r.date);
    if (days <= DATE_WINDOW_DAYS) return days;
    if (retold(i, r, days)) return 2 + days / 100;
    return (i.date === null || r.date === null) && i.storyIds.includes(r.storyId) ? 5 : null;
  }
  if (!i.storyIds.includes(r.storyId)) return null;
  if (!i.placeKey) {
    if (!r.placeKey) return 10;
    return sharesFigure(i, r) || sameParty(i.perpetrator, r.perpetrator) ? 20 : null;
  }
  return sharesFigure(i, r) ? 30 : storyCount === 1 ? 40 : null;
}

const byAge = (a: Incident, b: Incident) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** The incident a report is about among `candidates`, or null (a new incident). */
export function chooseIncident(
  report: IncidentReport,
  candidates: readonly Incident[],
): Incident | null {
  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()];
  const ofStory = unique.filter((c) => c.storyIds.includes(report.storyId)).length;
  let best: { i: Incident; d: number } | null = null;
  for (const i of [...unique].sort(byAge)) {
    const d = distance(i, report, ofStory);
    if (d !== null && (!best || d < best.d)) best = { i, d };
  }
  return best?.i ?? null;
}

/** The incident an accusation no figure of its article placed is about, or null. */
export function chooseIncidentForAccusation(
  report: AccusationReport,
  candidates: readonly Incident[],
): Incident | null {
  const a = report.accusation;
  const fits = candidates.filter((i) => accusationFits(a, i.perpetrator));
  const placed = fits
    .filter((i) => report.placeKey && i.placeKey === report.placeKey)
    .filter(
      (i) =>
        daysApart(i.date, report.date) <= DATE_WINDOW_DAYS || i.storyIds.includes(report.storyId),
    )
    .sort((x, y) => daysApart(x.date, report.date) - daysApart(y.date, report.date) || byAge(x, y));
  if (placed[0]) return placed[0];
  if (report.placeKey) return null;
  const ofStory = fits.filter((i) => i.storyIds.includes(report.storyId)).sort(byAge);
  return ofStory.length === 1 ? (ofStory[0] ?? null) : null;
}
