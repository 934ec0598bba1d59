import { beforeAll, describe, expect, it } from 'vitest';
import { primaryTally, sameMeasure } from '../../../shared/incidents/accounts.ts';
import type { Incident, Tally } from '../../../shared/incidents/types.ts';
import { parseReportData } from '../../../shared/report/report-data.ts';
import { reportDataFrom } from '../../../shared/report/report-from-records.ts';
import { type ModelReplay, replayFaKesThroughModel } from '../../helpers/fa-kes-incidents.ts';

// The report's input from stored records: the FA-KES replay through the extractor and the
// incident model, mapped to ReportData. The result passes the report's own schema; every
// account shown is an account of the record; a record with a link the page must not carry
// drops out instead of failing the report.

let replay: ModelReplay;
beforeAll(() => {
  replay = replayFaKesThroughModel();
}, 60_000);

const at = '2026-12-01T00:00:00.000Z';
const mapped = (incidents: Incident[] = replay.incidents) =>
  reportDataFrom(incidents, replay.accusations, replay, { since: '2014-01-01' }, at);

describe('reportDataFrom', () => {
  it('maps the replay to valid report data: incidents, accusations and stories', () => {
    const data = mapped();
    expect(parseReportData(data)).toEqual(data);
    expect(data.incidents.length).toBeGreaterThan(50);
    expect(data.incidents.length).toBe(replay.incidents.filter((i) => i.tallies.length).length);
    expect(data.accusations.length).toBe(
      replay.accusations.length + replay.incidents.reduce((n, i) => n + i.accusations.length, 0),
    );
    expect(data.stories.length).toBe(replay.stories.length);
    expect(data.period).toEqual({ since: '2014-01-01', until: null });
    expect(data.generatedAt).toBe(at);
  });

  it('shows each incident by its primary measure, with every account that states it', () => {
    const data = mapped();
    for (const shown of data.incidents) {
      const record = replay.incidents.find((i) => i.id === shown.incidentId) as Incident;
      expect(shown.date).toBe(record.date ?? record.createdAt.slice(0, 10));
      // The primary measure is outcome x victims x side: another side's fighters are not its.
      const primary = primaryTally(record.tallies) as Tally;
      expect([primary.outcome, primary.victims]).toEqual([shown.outcome, shown.victims]);
      const stating = record.accounts.filter((a) =>
        a.figures.some((f) => sameMeasure(f, primary) && f.partOf === primary.partOf),
      );
      expect(shown.accounts.map((a) => a.source).sort()).toEqual(
        stating.map((a) => a.source).sort(),
      );
      expect(shown.min).toBe(Math.min(...shown.accounts.map((a) => a.count)));
      expect(shown.max).toBe(Math.max(...shown.accounts.map((a) => a.max ?? a.count)));
    }
  });

  it('drops a record whose link is not http(s), keeping the others', () => {
    const [first, ...rest] = replay.incidents;
    const hostile = structuredClone(first as Incident);
    for (const a of hostile.accounts) a.url = 'javascript:alert(1)';
    const data = mapped([hostile, ...rest]);
    expect(data.incidents.map((i) => i.incidentId)).not.toContain(hostile.id);
    expect(data.incidents.length).toBe(mapped().incidents.length - 1);
  });
});
