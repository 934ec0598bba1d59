import type { Actor } from '../domain/claims.ts';
import { sourceKey } from '../incidents/parties.ts';

// How a source is named in a message: as the text names it ("Russian Defence Ministry"), or, in
// a headline, by the short name everyone uses for the monitors ("SOHR").

const SHORT: Partial<Record<Actor, string>> = {
  sohr: 'SOHR',
  hrw: 'HRW',
  amnesty: 'Amnesty',
  white_helmets: 'White Helmets',
  msf: 'MSF',
};

export function sourceLabel(source: string, short = false): string {
  const plain = source.trim().replace(/^the\s+/i, '');
  if (!short) return plain;
  const key = sourceKey(source);
  const actor = key.startsWith('actor:') ? (key.slice(6) as Actor) : null;
  return (actor && SHORT[actor]) || plain;
}
