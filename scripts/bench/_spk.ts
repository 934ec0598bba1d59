import { findActors } from '../../shared/claims/actors.ts';
import { findSpeakers } from '../../shared/claims/speakers.ts';
const s = process.argv[2]!;
console.log(findSpeakers(s, findActors(s)).map((h) => `${h.actor}:${h.name}`));
