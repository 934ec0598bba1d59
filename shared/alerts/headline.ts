import { primaryTally, sameMeasure } from '../incidents/accounts.ts';
import { sameParty } from '../incidents/parties.ts';
import type {
  AccusationEntry,
  AccusationRecord,
  Change,
  FigureValue,
  Incident,
  Measure,
  RecordUpdate,
  Tally,
} from '../incidents/types.ts';
import { cleanText } from '../output/sanitise.ts';
import {
  actorName,
  capitalise,
  describeValue,
  measureWords,
  shortActorName,
  strikePhrase,
} from './message-words.ts';
import { sourceLabel } from './source-label.ts';

// One headline per update, in plain words, at most HEADLINE_MAX characters cut at a word:
// "US-led coalition strike kills at least 84 civilians in Raqqa"; "Toll of US-led coalition
// strike in Raqqa rises from 22 to 43, per SOHR". Built from canonical names and numbers first,
// so the outside text it carries (place, source) comes last and is what a cut removes.

export const HEADLINE_MAX = 100;

/** The value the accounts give a measure: the one value they agree on, else their range. */
export function tallyValue(incident: Incident, t: Tally): FigureValue {
  const values = incident.accounts.flatMap((a) => a.figures.filter((f) => sameMeasure(f, t)));
  const first = values[0];
  if (first && t.min === first.count && t.max === (first.max ?? first.count)) {
    return { count: first.count, max: first.max, qualifier: first.qualifier };
  }
  return { count: t.min, max: t.max === t.min ? null : t.max, qualifier: 'exact' };
}

const inPlace = (i: Incident) => (i.place ? ` in ${i.place}` : '');

function measurePhrase(v: FigureValue, m: Measure): string {
  return `${describeValue(v)} ${measureWords(m, v)}`;
}

function firstReportHeadline(i: Incident): string {
  const t = primaryTally(i.tallies);
  const strike = capitalise(strikePhrase(i.perpetrator));
  if (!t) return `${strike}${inPlace(i)}`;
  const fig = measurePhrase(tallyValue(i, t), t);
  if (t.outcome === 'missing')
    return `${capitalise(fig)} missing after ${strikePhrase(i.perpetrator)}${inPlace(i)}`;
  const verb = t.outcome === 'killed' ? 'kills' : 'injures';
  return `${strike} ${verb} ${fig}${inPlace(i)}`;
}

/** " that killed 43 civilians", " that left 12 people injured". */
function harmPhrase(i: Incident): string {
  const t = primaryTally(i.tallies);
  if (!t) return '';
  const fig = measurePhrase(tallyValue(i, t), t);
  return t.outcome === 'killed' ? ` that killed ${fig}` : ` that left ${fig} ${t.outcome}`;
}

function changeHeadline(i: Incident, c: Change, accusations: AccusationEntry[]): string {
  const strike = `${strikePhrase(i.perpetrator)}${inPlace(i)}`;
  switch (c.type) {
    case 'first_report':
      return firstReportHeadline(i);
    case 'figure_revised':
      return `Toll of ${strike} rises from ${describeValue(c.from)} to ${describeValue(c.to)}, per ${sourceLabel(c.source, true)}`;
    case 'disagreement': {
      const t = i.tallies.find((x) => sameMeasure(x, c.measure));
      const range = t ? `${t.min} to ${t.max}` : describeValue(c.value);
      return `Sources differ on toll of ${strike}: ${range} ${measureWords(c.measure)} ${c.measure.outcome}`;
    }
    case 'new_figure':
      return `${capitalise(measurePhrase(c.value, c.measure))} ${c.measure.outcome} in ${strike}, per ${sourceLabel(c.source, true)}`;
    case 'perpetrator':
      if (c.contradicts) {
        return `Who carried out the strike${inPlace(i)} is disputed: ${actorName(c.contradicts.actor)} or ${actorName(c.actor)}`;
      }
      return `Strike${inPlace(i)}${harmPhrase(i)} attributed to ${actorName(c.actor)}`;
    case 'accusation': {
      const a = accusations.find((x) => x.key === c.key);
      if (!a) return `New accusation over ${strike}`;
      const who = `${capitalise(shortActorName(a.accuser))} accuses ${actorName(a.accused)}`;
      // Accusing the perpetrator: the strike is theirs already, say what it did instead.
      if (sameParty(a.accused, i.perpetrator))
        return `${who} over strike${inPlace(i)}${harmPhrase(i)}`;
      return `${who} over ${strike}`;
    }
  }
}

/** The headline of an incident update: its weightiest change. */
export function incidentHeadline(i: Incident, u: RecordUpdate): string {
  const lead = u.changes.find((c) => c.type === u.kind) ?? u.changes[0] ?? { type: 'first_report' };
  return cleanText(changeHeadline(i, lead, i.accusations), { max: HEADLINE_MAX });
}

/** "Russia accuses the US-led coalition: killed civilians in Raqqa". */
export function accusationHeadline(r: AccusationRecord): string {
  const a = r.accusation;
  const who = `${capitalise(shortActorName(a.accuser))} accuses ${actorName(a.accused)}`;
  const what = cleanText(a.allegation, { max: HEADLINE_MAX });
  return cleanText(what ? `${who}: ${what}` : who, { max: HEADLINE_MAX });
}
