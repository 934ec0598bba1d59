import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../shared/analyst/flat-rows.ts';
import { QueryInvalidError } from '../../../shared/domain/errors.ts';
import type { CasualtyClaim } from '../../../shared/domain/records.ts';
import type { AccusationRecord, Incident } from '../../../shared/incidents/types.ts';
import { csvRow } from '../../../shared/output/sanitise.ts';
import {
  flatItem,
  jsonItem,
  type QueryItem,
  queryAll,
  queryAnalystRows,
} from '../../../shared/use-cases/query-store.ts';
import { inMemoryStore } from '../../fakes/in-memory-store.ts';
import { accusation, article, articleClaims, figure, S } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';
import { raqqaClaim } from '../../helpers/store-contract.ts';

// The analysts' rows of the incident model (issue 14 item 6) through the query use-case, on the
// in-memory store: records written by the model from builder articles (the real planner), read
// back as incident, casualty and accusation rows with their filters, errors and pages.

const day = (d: string) => ({ publishedAt: `${d}T08:00:00.000Z`, seenAt: `${d}T09:00:00.000Z` });

/** Raqqa, June 2017: SOHR 22 then 43, the Russian MoD 60, a Russian accusation; Mosul in May. */
function modelRecords(): { incidents: Incident[]; accusations: AccusationRecord[] } {
  const m = new MemoryIncidents();
  const raqqa = (id: string, outlet: string, d: string, over: Parameters<typeof figure>[0]) =>
    m.apply(articleClaims(article(id, outlet, day(d)), [figure({ date: '2017-06-05', ...over })]));
  raqqa('a1', 'Reuters', '2017-06-05', { quote: S.sohr22, qualifier: 'at_least' });
  raqqa('a2', 'AFP', '2017-06-06', { count: 43, quote: S.sohr43 });
  m.apply(
    articleClaims(
      article('a3', 'TASS', day('2017-06-06')),
      [
        figure({
          count: 60,
          source: 'Russian Defence Ministry',
          date: '2017-06-05',
          quote: S.russia60,
        }),
      ],
      [accusation({ quote: S.russia60, allegation: 'ignoring civilian deaths in Raqqa' })],
    ),
  );
  m.apply(
    articleClaims(article('a4', 'Al-Alam', day('2017-05-20')), [
      figure({
        count: 12,
        place: 'Mosul',
        date: '2017-05-19',
        source: 'local activists',
        quote: 'Twelve civilians were killed in Mosul, local activists said.',
      }),
    ]),
  );
  m.apply(
    articleClaims(
      article('a5', 'SANA', day('2017-06-10')),
      [],
      [
        accusation({
          accuser: 'syria_gov',
          accuserName: 'Syrian Foreign Ministry',
          accused: 'coalition',
          allegation: 'destroying bridges over the Euphrates',
          place: null,
          quote:
            'The Syrian Foreign Ministry accused the coalition of destroying bridges over the Euphrates.',
        }),
      ],
    ),
  );
  return { incidents: m.incidents(), accusations: m.accusationRecords() };
}

const background: CasualtyClaim = {
  ...raqqaClaim,
  claimKey: 'bg1',
  figure: {
    ...raqqaClaim.figure,
    count: 320000,
    place: null,
    date: null,
    background: true,
    source: 'SOHR',
    quote: 'More than 320000 people have been killed since 2011, SOHR says.',
  },
};

async function store() {
  const s = inMemoryStore({ pageSize: 3 });
  const { incidents, accusations } = modelRecords();
  for (const r of [...incidents, ...accusations]) {
    await s.incidentStore.createRecord(r);
    await s.incidentStore.indexRecord(r, []);
  }
  await s.claimLedger.createClaim(background);
  await s.claimLedger.createClaim({ ...raqqaClaim, claimKey: 'not-background' });
  return s;
}

type Row = Record<string, unknown>;
const rows = (items: QueryItem[]) => items.map((i) => i.row as unknown as Row);

describe('analyst rows of incident records', () => {
  it('casualty: one row per account figure with incident columns, then background figures', async () => {
    const s = await store();
    const page = await queryAnalystRows(s, { kind: 'casualty' });
    const got = rows(page.items);
    const raqqa = got.filter((r) => r.place === 'Raqqa');
    expect(raqqa.map((r) => [r.source, r.count, r.min, r.max]).sort()).toEqual(
      [
        ['Russian Defence Ministry', 60, 43, 60],
        ['Syrian Observatory for Human Rights', 43, 43, 60],
      ].sort(),
    );
    const sohr = raqqa.find((r) => r.count === 43) as Row;
    expect(sohr).toMatchObject({
      incidentDate: '2017-06-05',
      perpetrator: 'coalition',
      victims: 'civilians',
      outcome: 'killed',
      outlet: 'Reuters',
      previous: 22,
      url: 'https://afp.example/a2',
      firstReported: '2017-06-05T08:00:00.000Z',
      background: false,
    });
    expect(typeof sohr.incidentId).toBe('string');
    expect(sohr.incidentId).not.toBe('');
    // The background figure comes last, with an empty incident id; the non-background claim never.
    expect(got.at(-1)).toMatchObject({ incidentId: '', count: 320000, background: true });
    expect(got.filter((r) => r.background)).toHaveLength(1);
    expect(page.cursor).toBeNull();
  });

  it('incident: one row per incident, its range and lead account; JSON gives the record', async () => {
    const s = await store();
    const page = await queryAnalystRows(s, { kind: 'incident' });
    expect(
      rows(page.items).map((r) => [r.incidentDate, r.place, r.count, r.min, r.max, r.accounts]),
    ).toEqual([
      ['2017-06-05', 'Raqqa', 60, 43, 60, 2],
      ['2017-05-19', 'Mosul', 12, 12, 12, 1],
    ]);
    const record = jsonItem(page.items[0] as QueryItem) as Incident;
    expect(record.kind).toBe('incident');
    expect(record.accounts.map((a) => a.source).sort()).toEqual([
      'Russian Defence Ministry',
      'Syrian Observatory for Human Rights',
    ]);
  });

  it('accusation: those of incidents and the stand-alone ones', async () => {
    const s = await store();
    const got = rows((await queryAnalystRows(s, { kind: 'accusation' })).items);
    expect(got.map((r) => [r.accuser, r.accused, r.allegation, r.incidentId === ''])).toEqual([
      ['russia', 'coalition', 'ignoring civilian deaths in Raqqa', false],
      ['syria_gov', 'coalition', 'destroying bridges over the Euphrates', true],
    ]);
    expect(got[0]).toMatchObject({ date: '2017-06-05', place: 'Raqqa', outlet: 'TASS' });
  });

  it('since/until select the incident date; reportedSince/Until the first report', async () => {
    const s = await store();
    const june = rows(
      (await queryAnalystRows(s, { kind: 'casualty', since: '2017-06-01', until: '2017-06-30' }))
        .items,
    );
    expect(june.map((r) => r.incidentDate)).toEqual(['2017-06-05', '2017-06-05']);
    const may = rows((await queryAnalystRows(s, { kind: 'incident', until: '2017-05-31' })).items);
    expect(may.map((r) => r.place)).toEqual(['Mosul']);
    const reported = rows(
      (await queryAnalystRows(s, { kind: 'casualty', reportedSince: '2017-06-06' })).items,
    );
    expect(reported.map((r) => r.source)).toEqual(['Russian Defence Ministry']);
  });

  it('places match their spelling variants', async () => {
    const s = await store();
    for (const place of ['Raqqa', 'Raqa', 'Raqqah', 'al-Raqqa']) {
      const got = rows((await queryAnalystRows(s, { kind: 'incident', place })).items);
      expect(
        got.map((r) => r.place),
        place,
      ).toEqual(['Raqqa']);
    }
    expect((await queryAnalystRows(s, { kind: 'incident', place: 'Aleppo' })).items).toEqual([]);
  });

  it('source and actor take ids and names', async () => {
    const s = await store();
    const sources = async (source: string) =>
      rows((await queryAnalystRows(s, { kind: 'casualty', source })).items).map((r) => r.source);
    // The background figure is stated by "SOHR": one party, however it is named.
    const sohr = ['Syrian Observatory for Human Rights', 'SOHR'];
    expect(await sources('sohr')).toEqual(sohr);
    expect(await sources('the Observatory')).toEqual(sohr);
    expect(await sources('Syrian Observatory for Human Rights')).toEqual(sohr);
    expect(await sources('russia')).toEqual(['Russian Defence Ministry']);
    expect(await sources('tass')).toEqual(['Russian Defence Ministry']);
    const actors = async (actor: string) =>
      rows((await queryAnalystRows(s, { kind: 'accusation', actor })).items).map((r) => r.accuser);
    expect(await actors('syria_gov')).toEqual(['syria_gov']);
    expect(await actors('Syrian government')).toEqual(['syria_gov']);
    expect(await actors('Russian Defence Ministry')).toEqual(['russia']);
    // The US and the coalition it leads are one party.
    expect(await actors('us')).toEqual(['russia', 'syria_gov']);
    const incidents = rows(
      (await queryAnalystRows(s, { kind: 'incident', actor: 'russia' })).items,
    );
    expect(incidents.map((r) => r.place)).toEqual(['Raqqa']);
  });

  it.each([
    [{ actor: 'nato' }, /unknown actor "nato"/],
    [{ since: '2017-13-45' }, /since.*calendar/s],
    [{ until: '2017-02-30' }, /until.*calendar/s],
    [{ since: '2018-01-01', until: '2017-01-01' }, /reversed/],
    [{ reportedSince: '2018-01-01', reportedUntil: '2017-01-01' }, /reversed/],
    [{ cursor: 'bm90LWEtY3Vyc29y' }, /invalid query cursor/],
  ])('%j is an error with the reason, not an empty result', async (params, reason) => {
    const s = await store();
    const run = queryAnalystRows(s, { kind: 'casualty', ...params });
    await expect(run).rejects.toThrow(QueryInvalidError);
    await expect(queryAnalystRows(s, { kind: 'casualty', ...params })).rejects.toThrow(reason);
  });

  it('CSV cells from feeds are single-line, free of controls, and never a formula', async () => {
    const s = inMemoryStore();
    const m = new MemoryIncidents();
    m.apply(
      articleClaims(article('h1', '=HYPERLINK("https://evil.example","x")', day('2017-06-05')), [
        figure({
          source: '+cmd|/C calc',
          quote: 'At least 22 civilians were killed\n\u202ein Raqqa\u001b[31m, activists said.',
        }),
      ]),
    );
    for (const r of m.incidents()) {
      await s.incidentStore.createRecord(r);
      await s.incidentStore.indexRecord(r, []);
    }
    const [item] = (await queryAnalystRows(s, { kind: 'casualty' })).items;
    const line = csvRow(COLUMNS.casualty.map((c) => flatItem(item as QueryItem)[c] ?? null));
    const [cells] = parse(line) as string[][];
    const at = (c: string) => cells?.[COLUMNS.casualty.indexOf(c)] ?? '';
    expect(at('outlet').startsWith("'=")).toBe(true);
    expect(at('source').startsWith("'+")).toBe(true);
    for (const c of ['\n', '\u202e', '\u001b']) expect(at('quote')).not.toContain(c);
    expect(at('count')).toBe('22');
  });

  it('a CSV export has its header even when nothing matches', () => {
    const header = parse(csvRow(COLUMNS.casualty), { columns: false }) as string[][];
    expect(header[0]).toEqual(
      expect.arrayContaining(['incidentId', 'count', 'min', 'max', 'url', 'victimSide']),
    );
    expect(COLUMNS.incident).toContain('victimSide');
  });

  it('casualty rows say whose fighters they are, one range per side', async () => {
    const s = inMemoryStore();
    const m = new MemoryIncidents();
    const quote = 'Clashes killed 4 YPG fighters and 22 IS fighters near Kobane.';
    const side = (count: number, victimSide: 'sdf' | 'isis') =>
      figure({ count, victims: 'fighters', victimSide, quote, place: 'Kobane' });
    m.apply(
      articleClaims(article('k1', 'Reuters', day('2017-06-05')), [
        side(4, 'sdf'),
        side(22, 'isis'),
      ]),
    );
    for (const r of m.incidents()) {
      await s.incidentStore.createRecord(r);
      await s.incidentStore.indexRecord(r, []);
    }
    const { items } = await queryAnalystRows(s, { kind: 'casualty' });
    const rows = items.map((i) => flatItem(i as QueryItem));
    expect(rows.map((r) => [r.victimSide, r.count, r.min, r.max]).sort()).toEqual(
      [
        ['isis', 22, 22, 22],
        ['sdf', 4, 4, 4],
      ].sort(),
    );
  });
});

describe('pages of analyst rows', () => {
  /** n incidents of two figures each, a day apart, in the in-memory store. */
  async function many(n: number) {
    const s = inMemoryStore({ pageSize: 7 });
    const m = new MemoryIncidents();
    for (let k = 0; k < n; k++) {
      const d = new Date(Date.UTC(2012, 0, 1) + k * 3 * 86_400_000).toISOString().slice(0, 10);
      m.apply(
        articleClaims(article(`p${k}`, 'Reuters', day(d)), [
          figure({ count: 10 + k, date: d, quote: `${10 + k} civilians were killed.` }),
          figure({
            count: 5 + k,
            outcome: 'injured',
            date: d,
            quote: `${5 + k} civilians were wounded.`,
          }),
        ]),
      );
    }
    for (const r of m.incidents()) {
      await s.incidentStore.createRecord(r);
      await s.incidentStore.indexRecord(r, []);
    }
    return s;
  }

  it('gives exactly limit rows a page, and the pages together are every row once', async () => {
    const s = await many(260);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await queryAnalystRows(s, { kind: 'casualty', limit: 33, cursor });
      if (page.cursor) expect(page.items).toHaveLength(33);
      seen.push(...rows(page.items).map((r) => `${r.incidentId}/${r.outcome}`));
      cursor = page.cursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toHaveLength(520);
    expect(new Set(seen).size).toBe(520);
    expect(pages).toBe(Math.ceil(520 / 33));
  });

  it('--all reads past 1,000 rows, newest incident first', async () => {
    const s = await many(600);
    const all: Row[] = [];
    for await (const item of queryAll(s, { kind: 'casualty', all: true }))
      all.push(item.row as unknown as Row);
    expect(all).toHaveLength(1200);
    const dates = all.map((r) => String(r.incidentDate));
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
