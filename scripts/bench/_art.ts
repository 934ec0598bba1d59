import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { faKesText, loadFaKes } from '../../shared/corpus/fa-kes.ts';
const r = loadFaKes().find((x) => x.unit_id === process.argv[2] || String((x as { unitId?: string }).unitId) === process.argv[2]);
if (!r) throw new Error('no row');
const text = `${r.title}\n\n${faKesText(r)}`;
console.log(text.slice(0, 900));
const c = extractClaims(text, { title: r.title, outlet: r.source, outletId: r.source, publishedAt: r.date });
for (const f of c.casualties) console.log(JSON.stringify({ ...f, quote: f.quote.slice(0, 80) }));
