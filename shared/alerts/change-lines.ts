import { sameMeasure } from '../incidents/accounts.ts';
import type { Change, FigureValue, Incident, Measure, RecordUpdate } from '../incidents/types.ts';
import { describeValue, measureWords, partyName } from './message-words.ts';
import { sourceLabel } from './source-label.ts';

// "What changed since the last message about this incident", one line per change:
// "Toll rises from 22 to 43 civilians killed, per SOHR; 60 per Russian Defence Ministry".

const figure = (v: FigureValue, m: Measure) =>
  `${describeValue(v)} ${measureWords(m, v)} ${m.outcome}`;

/** What the other accounts of the incident say for a measure. */
function othersSay(i: Incident, m: Measure, exceptSourceKey: string): string[] {
  return i.accounts
    .filter((a) => a.sourceKey !== exceptSourceKey)
    .flatMap((a) =>
      a.figures
        .filter((f) => sameMeasure(f, m))
        .map((f) => `${describeValue(f)} per ${sourceLabel(a.source)}`),
    );
}

function outletOf(i: Incident, u: RecordUpdate): string {
  return i.reports.find((r) => r.articleId === u.articleId)?.outlet ?? 'one outlet';
}

export function changeLine(i: Incident, c: Change, u: RecordUpdate): string {
  switch (c.type) {
    case 'first_report':
      return `First report of this incident, by ${outletOf(i, u)}`;
    case 'figure_revised': {
      const head = `Toll rises from ${describeValue(c.from)} to ${figure(c.to, c.measure)}, per ${sourceLabel(c.source)}`;
      return [head, ...othersSay(i, c.measure, c.sourceKey)].join('; ');
    }
    case 'disagreement': {
      const others = c.others.map((o) => `${describeValue(o.value)} per ${sourceLabel(o.source)}`);
      return `Sources disagree: ${figure(c.value, c.measure)} per ${sourceLabel(c.source)}; ${others.join('; ')}`;
    }
    case 'new_figure':
      return `New figure: ${figure(c.value, c.measure)}, per ${sourceLabel(c.source)}`;
    case 'perpetrator':
      if (c.contradicts) {
        return `Perpetrator disputed: ${c.outlet} names ${partyName(c.actor, c.name)}; earlier reports named ${partyName(c.contradicts.actor, c.contradicts.name)}`;
      }
      return `Perpetrator named: ${partyName(c.actor, c.name)} (${c.outlet})`;
    case 'accusation': {
      const a = i.accusations.find((x) => x.key === c.key);
      if (!a) return 'New accusation';
      const what = a.allegation ? `: ${a.allegation}` : '';
      return `New accusation: ${partyName(a.accuser, a.accuserName)} accuses ${partyName(a.accused, a.accusedName)}${what}`;
    }
  }
}
