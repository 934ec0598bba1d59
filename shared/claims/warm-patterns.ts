// V8 compiles a regular expression when it first runs it (to bytecode), and again to machine
// code when it runs it a second time, not when `new RegExp` or a literal creates it. The claim
// patterns are large (the gazetteer, numbers, outcomes), so the first article a process reads
// paid 100-300 ms of compilation inside its claims stage. Reading a short article written for
// the purpose, twice, at start-up (in parallel with the extraction worker's start) moves that
// cost out of the first real article; the results of every later article are unchanged.

import { extractClaims } from './extract-claims.ts';

const SAMPLE = [
  'US-led Coalition Strikes Kill 12 Civilians In Raqqa Monitor Says',
  '',
  'Published June 4 2017 At least 12 civilians including four children were killed and 20 others wounded on Monday when US-led coalition warplanes struck the town of Raqqa the Syrian Observatory for Human Rights said.',
  'The death toll rose to 15 later in the day according to the monitor which has a network of sources on the ground.',
  'Russia accused the coalition of killing civilians and the Syrian Foreign Ministry condemned the strikes as a crime against the Syrian people.',
  '"The coalition bears full responsibility for this massacre" Foreign Ministry spokeswoman Maria Zakharova told reporters in Moscow.',
  'The Pentagon denied the reports and said its aircraft had targeted Islamic State positions.',
  'Two more people died of their wounds in hospital while three are still missing under the rubble.',
  'Terrorists fired rocket shells on al-Midan neighborhood in Aleppo city killing a woman and injuring 5 people a source at Aleppo Police Command told SANA.',
  'The Russian Defense Ministry said its jets had eliminated more than 120 militants of Jabhat al-Nusra near Idlib over the past 24 hours.',
  'Activists blamed regime helicopters for dropping barrel bombs on Douma two days ago leaving between 20 and 30 dead among them five women.',
  'Turkey and Iran called on all sides to respect the ceasefire and allow aid into besieged Eastern Ghouta.',
  'Human Rights Watch and Amnesty International documented the killing of 84 civilians in strikes by Russian and Syrian government forces.',
  'More than 300000 people have been killed since the war began in 2011 and millions have fled their homes.',
].join('\n');

/** Runs the claim extractor twice on a sample article so that its patterns are compiled. */
export function warmClaimPatterns(): void {
  const ctx = {
    title: SAMPLE.slice(0, SAMPLE.indexOf('\n')),
    publishedAt: '2017-06-05',
    outletId: 'sana',
  };
  // Twice: the first run compiles each pattern to bytecode, the second to machine code.
  extractClaims(SAMPLE, ctx);
  extractClaims(SAMPLE, { ...ctx, outletId: undefined });
  extractClaims(SAMPLE, { ...ctx, outletId: 'reuters' });
}
