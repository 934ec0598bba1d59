import { accusationCandidates } from '../../shared/claims/accusation-candidates.ts';
import { accusationFrames } from '../../shared/claims/accusations.ts';
import { analyseArticle } from '../../shared/claims/article-analysis.ts';
import { labelledSets } from '../eval/labelled-sets.ts';
const [id, needle] = process.argv.slice(2);
for (const s of labelledSets()) for (const a of s.articles) {
  if (a.unitId !== id) continue;
  const frames = accusationFrames(analyseArticle(a.text, a.ctx), a.ctx);
  const cands = accusationCandidates(frames);
  for (const f of frames) {
    if (needle && !f.frame.s.includes(needle)) continue;
    console.log(`[${f.si}] ${f.frame.s.slice(0, 400)}`);
    console.log('   hits', f.frame.hits.map((h) => `${h.actor}:${h.name}`).join(', '));
    console.log('   found', f.frame.found.map((h) => `${h.actor}:${h.name}`).join(', '));
    console.log('   speakers', f.frame.speakers.map((h) => `${h.actor}:${h.name}`).join(', '), 'denial', f.frame.denial);
    console.log('   cands', cands.filter((c) => c.si === f.si).map((c) => `${c.accuser}>${c.accusedActor}`).join(', '));
  }
}
