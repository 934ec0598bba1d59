import { open } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { actorName, describeFigure } from '../alerts/format-alert.ts';
import { extractClaims } from '../claims/extract-claims.ts';
import { defaultTopics } from '../config/schema.ts';
import { ExtractError, StrikewatchError } from '../domain/errors.ts';
import { looksLikeHtml } from '../extract/extract-article.ts';
import { WorkerExtractor } from '../extract/worker-extractor.ts';
import { decodeBody } from '../feeds/decode.ts';
import { jsonLine, terminalText } from '../output/sanitise.ts';
import { type ArticleExtractor, EXTRACTION_DEFAULTS } from '../ports/extractor.ts';
import { classifyTopics } from '../topics/index.ts';

// `strikewatch extract`: what the pipeline would decide about article files, without a store.

export interface ExtractOptions {
  json?: boolean;
  /** The outlet's id (a feed id, FA-KES `source`): a party's organ speaks for it (sana, etilaf). */
  outlet?: string;
}

/** What one file may hold: the runs' page cap (network.maxPageBytes' default). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Reads at most MAX_FILE_BYTES of a file: a device (/dev/zero), a pipe or a huge file is refused
 * once the cap is passed instead of growing without bound.
 */
async function readCapped(file: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ExtractError(`cannot read it (${code}): check the path and its permissions`);
  }
  try {
    const buf = Buffer.alloc(MAX_FILE_BYTES + 1);
    let size = 0;
    while (size < buf.length) {
      const { bytesRead } = await handle.read(buf, size, buf.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    if (size > MAX_FILE_BYTES) {
      throw new ExtractError(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB, the page cap`);
    }
    return buf.subarray(0, size);
  } catch (err) {
    if (err instanceof StrikewatchError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ExtractError(`cannot read it (${code}): is it a directory?`);
  } finally {
    await handle.close();
  }
}

export async function extractFile(
  file: string,
  extractor: ArticleExtractor,
  o: Pick<ExtractOptions, 'outlet'> = {},
) {
  const bytes = await readCapped(file);
  const asText = decodeBody(bytes, { kind: 'html' });
  let title: string | undefined;
  let publishedAt: string | undefined;
  let text = asText;
  if (looksLikeHtml(asText)) {
    const article = await extractor.extract(asText, pathToFileURL(resolve(file)).href);
    if (article) {
      title = article.title ?? undefined;
      publishedAt = article.publishedAt ?? undefined;
      text = article.text;
    }
  }
  const full = title ? `${title}\n\n${text}` : text;
  const decision = classifyTopics({ title, text }, defaultTopics);
  const claims = extractClaims(full, {
    title,
    outlet: o.outlet ?? 'the outlet',
    outletId: o.outlet,
    publishedAt,
  });
  return {
    file,
    relevant: decision.relevant,
    topics: decision.topics,
    /** Why the topic model decided as it did: probability, threshold, the features that weighed. */
    explanation: decision.explanation ?? null,
    casualties: claims.casualties.map((c) => ({
      count: c.count,
      max: c.max,
      outcome: c.outcome,
      victims: c.victims,
      victimSide: c.victimSide ?? null,
      qualifier: c.qualifier,
      background: c.background,
      source: c.source,
      place: c.place,
      date: c.date,
      dateBasis: c.dateBasis ?? null,
      perpetrator: c.perpetrator ?? null,
      perpetratorName: c.perpetratorName ?? null,
      subFigureOf: c.subFigureOf ?? null,
      quote: c.quote,
    })),
    accusations: claims.accusations.map((a) => ({
      accuser: a.accuser,
      accused: a.accused,
      accuserName: a.accuserName,
      accusedName: a.accusedName,
      allegation: a.allegation,
      place: a.place,
      quote: a.quote,
    })),
  };
}

export async function runExtract(files: string[], o: ExtractOptions): Promise<void> {
  // The runs' extractor: a page that keeps jsdom busy is given up after the default deadline.
  const extractor = new WorkerExtractor(EXTRACTION_DEFAULTS);
  try {
    for (const file of files) {
      try {
        await printExtract(file, extractor, o);
      } catch (err) {
        // One unreadable file or page must not hide the verdicts on the others.
        if (!(err instanceof StrikewatchError)) throw err;
        process.stderr.write(`${terminalText(file)}: not extracted: ${err.message}\n`);
        process.exitCode = 1;
      }
    }
  } finally {
    await extractor.close();
  }
}

async function printExtract(
  file: string,
  extractor: ArticleExtractor,
  o: ExtractOptions,
): Promise<void> {
  const r = await extractFile(file, extractor, o);
  if (o.json) {
    process.stdout.write(`${jsonLine(r)}\n`);
    return;
  }
  const lines = [
    `${basename(file)}: ${r.relevant ? `on topic (${r.topics.join(', ')})` : 'not on topic'}`,
  ];
  if (r.explanation) {
    const top = r.explanation.topFeatures
      .slice(0, 3)
      .map((f) => `${f.feature} ${f.contribution >= 0 ? '+' : ''}${f.contribution.toFixed(2)}`);
    lines.push(
      `  topic: p=${r.explanation.probability.toFixed(2)} (threshold ${r.explanation.threshold}); ${top.join(', ')}`,
    );
  }
  for (const c of r.casualties) {
    lines.push(
      `  figure: ${describeFigure(c)}${c.background ? ' [background toll]' : ''}${c.place ? ` in ${c.place}` : ''}${c.date ? ` on ${c.date}${c.dateBasis === 'published' ? ' (publication date)' : ''}` : ''}${c.perpetratorName ? `, by ${c.perpetratorName}` : ''}, per ${c.source}`,
      `          "${c.quote}"`,
    );
  }
  for (const a of r.accusations) {
    lines.push(
      `  accusation: ${a.accuserName || actorName(a.accuser)} (${a.accuser}) accuses ${a.accusedName || actorName(a.accused)} (${a.accused}): ${a.allegation}`,
      `          "${a.quote}"`,
    );
  }
  if (!r.casualties.length && !r.accusations.length)
    lines.push('  no casualty figures or accusations found');
  // Article text is outside input: no escape sequences or bidi tricks reach the terminal.
  const clean = (l: string) => `${/^ */.exec(l)?.[0] ?? ''}${terminalText(l, { max: 2000 })}`;
  process.stdout.write(`${lines.map(clean).join('\n')}\n`);
}
