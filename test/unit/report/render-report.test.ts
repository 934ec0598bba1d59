import { describe, expect, it } from 'vitest';
import { type ReportData, renderReport } from '../../../shared/report/index.ts';
import { faKesReportData } from '../../helpers/fa-kes-report-data.ts';
import { account, accusation, hrefsOf, incident, pageOf, reportData } from './report-fixtures.ts';

/** The shapes of one kind of mark: Plot's own (aria-label "bar") or the report's (class). */
const marks = (doc: Document, chart: string, mark: string) =>
  [
    ...doc.querySelectorAll(
      `[data-chart="${chart}"] g[aria-label="${mark}"], [data-chart="${chart}"] g.${mark}`,
    ),
  ].flatMap((g) => [...g.querySelectorAll('line, circle, rect, path, text')]);

describe('renderReport', () => {
  it('writes one self-contained page: no script, no external resource, a CSP that forbids fetches', () => {
    const page = renderReport(faKesReportData({ incidents: 40, accusations: 80, articles: 200 }));
    const doc = pageOf(page);
    expect(doc.querySelectorAll('script, link, img, iframe, object, embed')).toHaveLength(0);
    expect(page).not.toMatch(/\bsrc\s*=|@import|url\(\s*['"]?(?!#)/i);
    const csp = doc
      .querySelector('meta[http-equiv="Content-Security-Policy"]')
      ?.getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });

  it('shows the period, the filters and when it was made', () => {
    const doc = pageOf(
      renderReport(reportData({ filters: { place: 'Raqqa', actor: 'coalition' } })),
    );
    expect(doc.querySelector('#period')?.textContent).toBe('2017-06-01 to 2017-06-30');
    expect(doc.querySelector('#filters')?.textContent).toBe('place = Raqqa; actor = coalition');
    expect(doc.querySelector('#generated')?.textContent).toBe('2026-11-01 09:30 UTC');
    const open = pageOf(
      renderReport(reportData({ period: { since: null, until: null }, filters: {} })),
    );
    expect(open.querySelector('#period')?.textContent).toBe('all dates');
    expect(open.querySelector('#filters')?.textContent).toBe('none');
  });

  it('keeps hostile feed text as text and never links to a non-http URL', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const data = reportData({
      incidents: [
        incident({
          place: evil,
          accounts: [
            account({ articleTitle: evil, url: 'javascript:alert(3)' }),
            account({ source: `"><svg onload=alert(4)>`, count: 40, url: 'https://ok.example/x' }),
          ],
        }),
      ],
      accusations: [accusation({ allegation: evil, accuser: { id: 'russia', name: evil } })],
    });
    const page = renderReport(data);
    const doc = pageOf(page);
    expect(doc.querySelectorAll('script, img, iframe')).toHaveLength(0);
    expect(
      [...doc.querySelectorAll('*')].filter(
        (e) => e.hasAttribute('onerror') || e.hasAttribute('onload'),
      ),
    ).toEqual([]);
    expect(hrefsOf(doc).filter((h) => !/^(https:\/\/|#)/.test(h))).toEqual([]);
    expect(doc.body.textContent).toContain(evil);
    expect(doc.querySelector('[data-chart="accusations"]')?.textContent).toContain('<script>');
  });

  it('draws one rule per incident and a dot linked to the source of each end of its range', () => {
    const low = account({ count: 22, url: 'https://a.example/low', source: 'SOHR' });
    const high = account({
      count: 60,
      url: 'https://b.example/high',
      source: 'Russian MoD',
      outlet: 'TASS',
    });
    const single = incident({
      incidentId: 'inc-2',
      date: '2017-06-10',
      accounts: [account({ count: 5 })],
    });
    const data = reportData({ incidents: [incident({ accounts: [low, high] }), single] });
    const doc = pageOf(renderReport(data));
    expect(marks(doc, 'timeline', 'incident-range').length).toBe(2);
    const dots = [...doc.querySelectorAll('[data-chart="timeline"] g.figure a')];
    expect(
      dots.map((a) => [a.getAttribute('href'), a.querySelector('title')?.textContent]),
    ).toEqual([
      [
        'https://a.example/low',
        'Raqqa, 2017-06-04: at least 22 civilians killed, per SOHR (Reuters)',
      ],
      [
        'https://b.example/high',
        'Raqqa, 2017-06-04: at least 60 civilians killed, per Russian MoD (TASS)',
      ],
      ['https://www.reuters.example/a1', expect.stringContaining('at least 5 civilians killed')],
    ]);
  });

  it('lists incidents whose accounts disagree, widest spread first, every account linked', () => {
    const narrow = incident({
      incidentId: 'narrow',
      accounts: [account({ count: 10 }), account({ count: 12, source: 'White Helmets' })],
    });
    const wide = incident({
      incidentId: 'wide',
      place: 'Idlib',
      accounts: [
        account({ count: 20, url: 'https://a.example/1' }),
        account({ count: 80, max: 90, source: 'SANA', outlet: 'SANA', url: 'https://b.example/2' }),
      ],
    });
    const agreed = incident({
      incidentId: 'agreed',
      accounts: [account({ count: 7 }), account({ count: 7, source: 'White Helmets' })],
    });
    const doc = pageOf(renderReport(reportData({ incidents: [narrow, agreed, wide] })));
    const blocks = [...doc.querySelectorAll('article.incident')];
    expect(blocks.map((b) => b.getAttribute('data-incident-id'))).toEqual(['wide', 'narrow']);
    const first = blocks[0];
    expect(first?.querySelector('h3')?.textContent).toBe(
      'Idlib, 2017-06-04: 20–90 civilians killed',
    );
    const figures = [...(first?.querySelectorAll('table.accounts tbody tr td.num a') ?? [])];
    expect(figures.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['at least 20', 'https://a.example/1'],
      ['at least 80–90', 'https://b.example/2'],
    ]);
    expect(first?.querySelectorAll('[data-chart="range"] g.figure a')).toHaveLength(2);
  });

  it("names the victims' side of fighters and soldiers in the incident's line", () => {
    const fighters = incident({
      victims: 'fighters',
      victimSide: 'isis',
      accounts: [account({ count: 18 }), account({ count: 22, source: 'SANA', outlet: 'SANA' })],
    });
    const doc = pageOf(renderReport(reportData({ incidents: [fighters] })));
    expect(doc.querySelector('article.incident h3')?.textContent).toBe(
      'Raqqa, 2017-06-04: 18–22 IS fighters killed',
    );
  });

  it('counts accusations per accuser and accused in the matrix, each cell linking to its pair', () => {
    const ru = { id: 'russia', name: 'Russia' };
    const sy = { id: 'syria_gov', name: 'Syrian government' };
    const co = { id: 'coalition', name: 'US-led coalition' };
    const accusations = [
      ...Array.from({ length: 3 }, (_, k) =>
        accusation({ accuser: ru, accused: co, date: `2017-06-0${k + 1}` }),
      ),
      accusation({ accuser: sy, accused: co }),
      accusation({ accuser: ru, accused: sy }),
    ];
    const doc = pageOf(renderReport(reportData({ accusations })));
    const counts = marks(doc, 'accusations', 'text').map((t) => Number(t.textContent));
    expect(counts.sort()).toEqual([1, 1, 3]);
    const pairs = [...doc.querySelectorAll('.pair')];
    expect(pairs[0]?.querySelector('h4')?.textContent).toBe('Russia → US-led coalition (3)');
    expect([...(pairs[0]?.querySelectorAll('time') ?? [])].map((t) => t.textContent)).toEqual([
      '2017-06-03',
      '2017-06-02',
      '2017-06-01',
    ]);
    for (const href of hrefsOf(doc).filter((h) => h.startsWith('#pair-'))) {
      expect(doc.getElementById(href.slice(1))).not.toBeNull();
    }
  });

  it('shows coverage: stories by number of outlets and the outlets that report first', () => {
    const data = faKesReportData({ incidents: 20, accusations: 20, articles: 300 });
    const doc = pageOf(renderReport(data));
    const bars = marks(doc, 'outlets-per-story', 'bar');
    const perBar = bars.map((b) =>
      Number(/^(\d+) stories/.exec(b.querySelector('title')?.textContent ?? '')?.[1]),
    );
    expect(perBar.reduce((a, b) => a + b, 0)).toBe(data.stories.length);
    const firsts = new Set(data.stories.map((s) => s.firstOutlet));
    expect(marks(doc, 'first-outlets', 'bar').length).toBe(firsts.size);
  });

  it('says so when a section has nothing, and draws no empty chart', () => {
    const empty: ReportData = reportData({ incidents: [], accusations: [], stories: [] });
    const doc = pageOf(renderReport(empty));
    expect(doc.querySelectorAll('[data-chart]')).toHaveLength(0);
    expect([...doc.querySelectorAll('.empty')].map((p) => p.textContent)).toHaveLength(5);
  });

  it('aggregates marks at FA-KES scale: shapes grow with incidents, not with articles', () => {
    const data = faKesReportData();
    const page = renderReport(data);
    const doc = pageOf(page);
    const articles = data.stories.reduce((n, s) => n + s.articles.length, 0);
    expect(marks(doc, 'timeline', 'incident-range').length).toBe(data.incidents.length);
    expect(marks(doc, 'weekly', 'rect').length).toBeLessThan(articles / 2);
    expect(marks(doc, 'accusations', 'cell').length).toBeLessThan(data.accusations.length / 5);
    expect(Buffer.byteLength(page)).toBeLessThan(10 * 1024 * 1024);
  });
});
