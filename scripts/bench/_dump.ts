import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { defaultTopics } from '../../shared/config/schema.ts';
import { faKesText, loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { classifyTopics } from '../../shared/topics/index.ts';
const onTopic = process.argv.includes('--on-topic');
for (const r of loadFaKes()) {
  if (onTopic && !classifyTopics({ title: r.title, text: r.content }, defaultTopics).relevant) continue;
  const c = extractClaims(`${r.title}\n\n${faKesText(r)}`, { title: r.title, outlet: r.source, outletId: r.source, publishedAt: r.date });
  for (const a of c.accusations) console.log(`${r.source}\t${a.accuser}(${a.accuserName}) > ${a.accused}(${a.accusedName}): ${a.allegation}\n\t${a.quote.slice(0, 220)}`);
}
