import { accusationCandidates } from '../../shared/claims/accusation-candidates.ts';
import { accusationFrames } from '../../shared/claims/accusations.ts';
import { analyseArticle } from '../../shared/claims/article-analysis.ts';
import { labelledSets } from '../eval/labelled-sets.ts';
const held = process.argv.includes('--held');
let miss = 0, tot = 0;
const kinds = new Map<string, number>();
for (const s of labelledSets()) {
  if (s.topicOnly || s.heldOut !== held) continue;
  for (const a of s.articles) {
    const frames = accusationFrames(analyseArticle(a.text, a.ctx), a.ctx);
    const cands = accusationCandidates(frames);
    const have = new Set(cands.map((c) => `${c.accuser}>${c.accusedActor}`));
    const seenAccuser = new Set<string>(), seenAccused = new Set<string>();
    for (const f of frames) { for (const h of f.frame.hits) seenAccused.add(h.actor); for (const sp of f.frame.speakers) seenAccuser.add(sp.actor); }
    const gold = new Set(a.label.accusations.map((x) => `${x.accuser}>${x.accused}`));
    for (const g of gold) {
      tot++;
      if (have.has(g)) continue;
      miss++;
      const [acr, acd] = g.split('>');
      const k = `${seenAccuser.has(acr!) ? 'spk' : 'NOSPK'} ${seenAccused.has(acd!) ? 'hit' : 'NOHIT'}`;
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
      const lab = a.label.accusations.find((x) => `${x.accuser}>${x.accused}` === g);
      if (!process.argv.includes('--quiet')) console.log(`\n## ${a.unitId} ${a.ctx.outlet} ${g} [${k}]\n  Q: ${lab?.quote?.slice(0, 300)}\n  A: ${lab?.allegation}`);
    }
  }
}
console.log(miss, tot, [...kinds]);
