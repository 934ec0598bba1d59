import { describe, expect, it } from 'vitest';
import { ReportDataError } from '../../../shared/domain/errors.ts';
import { html, link, safeHref } from '../../../shared/report/html.ts';
import { parseReportData } from '../../../shared/report/index.ts';
import { faKesReportData } from '../../helpers/fa-kes-report-data.ts';
import { account, incident, reportData } from './report-fixtures.ts';

describe('parseReportData', () => {
  it('accepts FA-KES-scale report data unchanged', () => {
    const data = faKesReportData({ incidents: 50, accusations: 100, articles: 200 });
    expect(parseReportData(JSON.parse(JSON.stringify(data)))).toEqual(data);
  });

  it.each([
    [
      'a javascript: article URL',
      { incidents: [incident({ accounts: [account({ url: 'javascript:alert(1)' })] })] },
      'incidents.0.accounts.0.url',
    ],
    ['min above max', { incidents: [incident({ min: 50, max: 10 })] }, 'incidents.0.min'],
    [
      'an incident date that is not ISO',
      { incidents: [incident({ date: '6/4/2017' })] },
      'incidents.0.date',
    ],
    [
      'an unknown qualifier',
      { incidents: [incident({ accounts: [account({ qualifier: 'roughly' as never })] })] },
      'incidents.0.accounts.0.qualifier',
    ],
    [
      'a negative count',
      { incidents: [incident({ accounts: [account({ count: -3 })], min: 0, max: 0 })] },
      'incidents.0.accounts.0.count',
    ],
    [
      'an incident without accounts',
      { incidents: [incident({ accounts: [], min: 0, max: 0 })] },
      'incidents.0.accounts',
    ],
  ])('refuses %s with a ReportDataError naming the field', (_what, over, path) => {
    const input = { ...reportData(), ...over };
    expect(() => parseReportData(input)).toThrow(ReportDataError);
    expect(() => parseReportData(input)).toThrow(`at ${path}:`);
  });

  it('refuses what is not report data at all', () => {
    expect(() => parseReportData('<html>')).toThrow(ReportDataError);
    expect(() => parseReportData({ incidents: [] })).toThrow(/report data invalid at period/);
  });
});

describe('report HTML helpers', () => {
  it('escapes every interpolation, keeps nested templates, drops null and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${['a&b', inner, null, false, 3]}</p>`.html).toBe(
      '<p title="&quot;x&quot;">a&amp;b<b>&lt;i&gt;</b>3</p>',
    );
  });

  it('links only http(s) URLs', () => {
    expect(safeHref('https://a.example/x?y=1&z=2')).toBe('https://a.example/x?y=1&z=2');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'not a url',
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
    expect(link('javascript:alert(1)', 'x').html).toBe('<span>x</span>');
    expect(link('https://a.example/?a=1&b=2', '<x>').html).toBe(
      '<a href="https://a.example/?a=1&amp;b=2" rel="noopener noreferrer">&lt;x&gt;</a>',
    );
  });
});
