import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

// DIR/run.json: the last `strikewatch run` on a data folder (its feeds, its last cycle, its next
// poll), so that `strikewatch status` knows which feeds to show without a config, and whether a
// watch is still running. The store has no list of feeds (no Scan), the config has.

export const RUN_RECORD_FILE = 'run.json';

const runRecordSchema = z.object({
  pid: z.number().int(),
  command: z.string(),
  config: z.string(),
  startedAt: z.string(),
  feeds: z.array(z.object({ id: z.string(), url: z.string(), intervalMinutes: z.number() })),
  lastCycle: z.object({ at: z.string(), summary: z.string(), failedFeeds: z.number() }).nullable(),
  nextPollAt: z.string().nullable(),
});

export type RunRecord = z.infer<typeof runRecordSchema>;

export function readRunRecord(dataDir: string): RunRecord | null {
  try {
    const parsed = runRecordSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, RUN_RECORD_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written whole under a temporary name, then renamed: a reader never sees half a record. */
export function writeRunRecord(dataDir: string, record: RunRecord): void {
  const tmp = join(dataDir, `${RUN_RECORD_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(tmp, join(dataDir, RUN_RECORD_FILE));
}
