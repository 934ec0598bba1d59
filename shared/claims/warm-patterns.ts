// V8 compiles a regular expression when it first runs it (to bytecode), and again to machine
// code when it runs it a second time, not when `new RegExp` or a literal creates it. The claim
// patterns are large (the gazetteer, numbers, outcomes), so the first article a process reads
// paid 100-300 ms of compilation inside its claims stage. Reading a short article written for
// the purpose, twice, at start-up (in parallel with the extraction worker's start) moves that
// cost out of the first real article; the results of every later article are unchanged.

import { extractClaims } from './extract-claims.ts';

const SAMPLE = [
  'US-led coalition strikes kill 12 civilians in Raqqa monitor says',
  '',
  'Published June 4 2017 At least 12 civilians including four children were killed and 20 others wounded on Monday when US-led coalition warplanes struck the town of Raqqa the Syrian Observatory for Human Rights said.',
  'The death toll rose to 15 later in the day according to the monitor.',
  'Russia accused the coalition of killing civilians and the Syrian Foreign Ministry condemned the strikes as a crime.',
  'Two more people died of their wounds in hospital while three are still missing.',
  'More than 300000 people have been killed since the war began in 2011.',
].join('\n');

/** Runs the claim extractor twice on a sample article so that its patterns are compiled. */
export function warmClaimPatterns(): void {
  const ctx = {
    title: SAMPLE.slice(0, SAMPLE.indexOf('\n')),
    publishedAt: '2017-06-05',
    outletId: 'sana',
  };
  extractClaims(SAMPLE, ctx);
  extractClaims(SAMPLE, { ...ctx, outletId: undefined });
}
