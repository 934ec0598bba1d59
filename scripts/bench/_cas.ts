import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { faKesText, loadFaKes } from '../../shared/corpus/fa-kes.ts';
for (const r of loadFaKes()) {
  const c = extractClaims(`${r.title}\n\n${faKesText(r)}`, { title: r.title, outlet: r.source, outletId: r.source, publishedAt: r.date ?? undefined });
  for (const f of c.casualties) console.log(`${r.unitId} ${f.count} ${f.outcome} ${f.victims} src=${f.source} bg=${f.background} | ${f.quote.slice(0, 150)}`);
}
