import { findActors } from '../../shared/claims/actors.ts';
console.log(findActors(process.argv[2]!).map((h) => `${h.actor}:${h.name}${h.generic ? '(g)' : ''}`));
