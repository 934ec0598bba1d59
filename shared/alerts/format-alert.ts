import type { CasualtyFigure, Qualifier } from '../domain/claims.ts';
import { measureWords } from './message-words.ts';

// Plain words for one extracted figure and for actors, as the `extract` command and the analyst
// rows print them (alert messages are written by update-message.ts and message-words.ts).

// One table of actor names for messages, extract output and analyst rows.
export { actorName } from './message-words.ts';

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  at_least: 'at least ',
  more_than: 'more than ',
  up_to: 'up to ',
  about: 'about ',
};

export function describeFigure(
  f: Pick<CasualtyFigure, 'count' | 'max' | 'qualifier' | 'victims' | 'outcome' | 'victimSide'>,
): string {
  const n = f.max !== null && f.max !== f.count ? `${f.count} to ${f.max}` : String(f.count);
  return `${QUALIFIER_WORDS[f.qualifier] ?? ''}${n} ${measureWords(f)} ${f.outcome}`;
}
