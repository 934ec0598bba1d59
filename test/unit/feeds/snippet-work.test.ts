import fc from 'fast-check';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import {
  replaySnippetStrip,
  SNIPPET_WORK_PER_CHAR,
  SNIPPET_WORK_SLACK,
  snippetWorkTooHigh,
} from '../../../shared/feeds/snippet-work.ts';

// The linear replay of rss-parser's snippet regexes (snippet-work.ts) must give what rss-parser
// itself gives, or the budget it enforces would be about some other function.

/** rss-parser's contentSnippet for a description, through its public API. */
async function rssParserSnippet(text: string): Promise<{ content: unknown; snippet: unknown }> {
  const xml = `<rss version="2.0"><channel><item><description><![CDATA[${text}]]></description></item></channel></rss>`;
  const item = (await new Parser().parseString(xml)).items[0];
  return { content: item?.content, snippet: item?.contentSnippet };
}

const PIECES = ['<', '>', '/', '\n', '\r', '\u2028', ' ', 'x', 'p', 'br', 'h1', 'div', 'table'];
const PIECES_TOO = ['tr', '<p', '</p>', '<br/>', '>\n', 'li', 'blockquote', 'section', 'ul'];

describe('replaySnippetStrip', () => {
  it('strips exactly what rss-parser strips (fast-check, fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...PIECES, ...PIECES_TOO), { maxLength: 40 }),
        async (parts) => {
          const text = parts.join('');
          const actual = await rssParserSnippet(text);
          expect(actual.content).toBe(text);
          // No "&" in the pieces, so rss-parser's entity decoding leaves the text alone.
          expect(replaySnippetStrip(text, Number.POSITIVE_INFINITY)?.text.trim()).toBe(
            actual.snippet,
          );
        },
      ),
      { seed: 7, numRuns: 1_500 },
    );
  });

  it('counts the quadratic work of "<p" without ">": four times the work for twice the text', () => {
    const work = (n: number) =>
      replaySnippetStrip('<p'.repeat(n), Number.POSITIVE_INFINITY)?.work ?? 0;
    expect(work(20_000)).toBeGreaterThan(20_000 * 20_000);
    expect(work(40_000) / work(20_000)).toBeCloseTo(4, 1);
  });

  it('counts about one pass for ordinary HTML', () => {
    const html = '<p>Strikes killed <b>17</b> people,<br/>\nthe monitor said.</p>\n'.repeat(1000);
    const r = replaySnippetStrip(html, Number.POSITIVE_INFINITY);
    expect(r?.work).toBeLessThan(2 * html.length);
  });

  it('gives up at the budget instead of counting on', () => {
    expect(replaySnippetStrip('<p'.repeat(1_000_000), 1_000_000)).toBeNull();
  });
});

describe('snippetWorkTooHigh', () => {
  it('allows linear work with a constant of slack', () => {
    expect(snippetWorkTooHigh('plain text, no markup'.repeat(1000))).toBe(false);
    expect(snippetWorkTooHigh('a < b')).toBe(false);
    const edge = '<p'.repeat(8);
    const work = replaySnippetStrip(edge, Number.POSITIVE_INFINITY)?.work ?? 0;
    expect(work <= SNIPPET_WORK_PER_CHAR * edge.length + SNIPPET_WORK_SLACK).toBe(true);
    expect(snippetWorkTooHigh(edge)).toBe(false);
  });

  it.each([
    ['"<p" without ">"', '<p'.repeat(2_000)],
    ['"x<br>" lines, every ">" before a newline', 'x<br>\n'.repeat(2_000)],
    ['"<" without ">"', '<'.repeat(10_000)],
  ])('refuses %s', (_name, text) => {
    expect(snippetWorkTooHigh(text)).toBe(true);
  });
});
