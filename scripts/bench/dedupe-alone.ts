import { createDynamoDbStore } from '../../shared/adapters/dynamodb/dynamodb-store.ts';
import { defaultTopics } from '../../shared/config/schema.ts';
import { faKesText, loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { fingerprintText } from '../../shared/dedupe/fingerprint.ts';
import { classifyTopics } from '../../shared/topics/index.ts';
import { assignStory } from '../../shared/use-cases/assign-story.ts';
import { externalDynamo, pct } from './child-services.ts';

// `npx tsx scripts/bench/dedupe-alone.ts [--rounds N]`: the dedupe stage alone (assignStory on
// the real DynamoDB adapter), over FA-KES's on-topic articles in corpus order, against a fresh
// dynalite in its own process, as the bench's replay runs it but with nothing else in the
// process or the table. Prints p50 / p95 ms per article and the stories made: the stage's own
// cost, apart from the replay's table size and the machine's other work.

// The AWS SDK's Node 20 notice is not a figure.
process.removeAllListeners('warning');

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;

const rows = loadFaKes().filter(
  (r) => classifyTopics({ title: r.title, text: r.content }, defaultTopics).relevant,
);
for (let round = 0; round < rounds; round++) {
  const db = await externalDynamo();
  const client = db.client;
  const store = createDynamoDbStore({ client, tableName: `dedupe-${round}` });
  await store.table.ensureTable();
  let clock = Date.parse('2026-01-01T00:00:00Z');
  const now = () => {
    clock += 1000;
    return new Date(clock);
  };
  const deps = { storyIndex: store.storyIndex, clock: { now, sleep: async () => {} } };
  const ms: number[] = [];
  const stories = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const t = performance.now();
    const { storyId } = await assignStory(deps, {
      articleId: `a${i}`,
      title: r.title,
      publishedDate: r.date?.slice(0, 10) ?? null,
      seenDate: '2026-01-01',
      fp: fingerprintText(`${r.title}\n\n${faKesText(r)}`),
      firstAttempt: true,
    });
    ms.push(performance.now() - t);
    stories.add(storyId);
  }
  console.log(
    `round ${round + 1}: ${rows.length} on-topic articles, ${stories.size} stories, dedupe p50 ${pct(ms, 50).toFixed(2)} ms, p95 ${pct(ms, 95).toFixed(2)} ms`,
  );
  await db.close();
}
