import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { labelledSets } from '../eval/labelled-sets.ts';
const held = process.argv.includes('--held');
const side = (a: string) => (a === 'us' || a === 'coalition' ? 'usc' : a);
for (const s of labelledSets()) {
  if (s.topicOnly || s.heldOut !== held) continue;
  for (const a of s.articles) {
    const got = extractClaims(a.text, a.ctx).accusations;
    const g = new Set(a.label.accusations.filter((x) => side(x.accuser) === 'usc' || side(x.accused) === 'usc').map((x) => `${side(x.accuser)}>${side(x.accused)}`));
    const f = new Set(got.filter((x) => side(x.accuser) === 'usc' || side(x.accused) === 'usc').map((x) => `${side(x.accuser)}>${side(x.accused)}`));
    for (const k of g) if (!f.has(k)) { const l = a.label.accusations.find((x) => `${side(x.accuser)}>${side(x.accused)}` === k); console.log(`FN ${a.unitId} ${a.ctx.outlet} ${k}\n   Q: ${l?.quote?.slice(0, 250)}`); }
    for (const k of f) if (!g.has(k)) { const l = got.find((x) => `${side(x.accuser)}>${side(x.accused)}` === k); console.log(`FP ${a.unitId} ${a.ctx.outlet} ${k}\n   Q: ${l?.quote?.slice(0, 250)}`); }
  }
}
