import { describe, expect, it } from 'vitest';
import { looksLikeHtml, toIsoDate } from '../../../shared/extract/extract-article.ts';
import { MAX_DEPTH, precleanHtml } from '../../../shared/extract/preclean-html.ts';

describe('precleanHtml', () => {
  it('drops scripts but keeps JSON-LD', () => {
    const ld = '<script type="application/ld+json">{"@type":"NewsArticle"}</script>';
    expect(precleanHtml(`<head><script>a()</script>${ld}<script src="x.js"></script></head>`)).toBe(
      `<head>${ld}</head>`,
    );
    expect(precleanHtml('<script type=" Application/LD+JSON ">{}</script>')).toBe(
      '<script type=" Application/LD+JSON ">{}</script>',
    );
  });

  it('follows script-data escape states', () => {
    // Inside <!-- <script> the first </script> does not end the element.
    expect(precleanHtml('<script><!--<script>x</script>--></script><p>after</p>')).toBe(
      '<p>after</p>',
    );
    expect(precleanHtml('<script><!-- a --></script><p>after</p>')).toBe('<p>after</p>');
    expect(precleanHtml('<script><!--></script><p>after</p>')).toBe('<p>after</p>');
    expect(precleanHtml('<SCRIPT>if (a</b) x()</SCRIPT ><p>after</p>')).toBe('<p>after</p>');
  });

  it('drops style as raw text, whatever it contains', () => {
    expect(precleanHtml('<style>a{}</p><p>x</style><p>y</p>')).toBe('<p>y</p>');
  });

  it('drops self-contained noscript blocks, parsed as markup like jsdom does', () => {
    expect(precleanHtml('<body><noscript><img src=a.png><p>x</p></noscript><p>y</p>')).toBe(
      '<body><p>y</p>',
    );
    expect(precleanHtml('<body><noscript><style>a</noscript>b</style></noscript>c')).toBe(
      '<body>c',
    );
    expect(precleanHtml('<head><noscript><link rel=x><style>a</style></noscript></head>')).toBe(
      '<head></head>',
    );
    // Left alone where the parser would not end the element at </noscript>: a <div> left open
    // makes the parser ignore </noscript>; in the head an <img> breaks out into the body.
    for (const keep of [
      '<body><noscript><div>x</noscript>y',
      '<head><noscript><img src=pixel.gif></noscript></head>',
      '<body><noscript>x</div></noscript>',
      '<body><noscript><plaintext>x</noscript>',
    ]) {
      expect(precleanHtml(keep)).toBe(keep);
    }
  });

  it('drops an unclosed script or style with the rest of the page', () => {
    expect(precleanHtml('<p>x</p><script>never ends')).toBe('<p>x</p>');
    expect(precleanHtml('<p>x</p><style>never ends')).toBe('<p>x</p>');
  });

  it('does not mistake markup inside attributes, textarea or title for tags', () => {
    const html =
      '<title>A <script> B</title><div data-x="<script>y</script>" title=\'<style>\'>t</div><textarea><style>s</style></textarea>';
    expect(precleanHtml(html)).toBe(html);
  });

  it('strips inline styles unless they could hide the element', () => {
    expect(precleanHtml('<p style="color:red" class="a">x</p>')).toBe('<p  class="a">x</p>');
    expect(precleanHtml('<p class=a style=color:red>x</p>')).toBe('<p class=a >x</p>');
    for (const keep of [
      '<p style="display:none">x</p>',
      '<p style="VISIBILITY: hidden">x</p>',
      '<p style="d\\isplay:none">x</p>',
      '<p style="all: unset">x</p>',
      '<p style="display&#58;none">x</p>',
    ]) {
      expect(precleanHtml(keep)).toBe(keep);
    }
    // Only the first of duplicate attributes counts, so all of them go together.
    expect(precleanHtml('<p style="color:red" style="display:none">x</p>')).toBe('<p  >x</p>');
    expect(precleanHtml('<p style="display:none" style="color:red">x</p>')).toBe(
      '<p style="display:none" style="color:red">x</p>',
    );
  });

  it('drops head links only', () => {
    expect(precleanHtml('<head><link rel=stylesheet href=a.css></head><body><link rel=x>')).toBe(
      '<head></head><body><link rel=x>',
    );
    // Text in the head means the body has started (the parser moves on), so this link stays.
    expect(precleanHtml('<head>text<link rel=stylesheet href=a.css>')).toBe(
      '<head>text<link rel=stylesheet href=a.css>',
    );
  });

  it('shortens comment text but keeps blank comments blank', () => {
    expect(precleanHtml('<p>a<!-- a long comment --></p>')).toBe('<p>a<!--x--></p>');
    expect(precleanHtml('<p>a<!--     --></p>')).toBe('<p>a<!--     --></p>');
    expect(precleanHtml('<p>a<!--x--></p>')).toBe('<p>a<!--x--></p>');
    expect(precleanHtml('<p>a<!--> b')).toBe('<p>a<!--> b');
    expect(precleanHtml('<p>a<!-- never closed')).toBe('<p>a<!--x-->');
  });

  it('empties templates, nested ones included', () => {
    expect(
      precleanHtml('<template id=t><p>a</p><template><p>b</p></template></template><p>c</p>'),
    ).toBe('<template id=t></template><p>c</p>');
    expect(precleanHtml('<template><script>"</template>"</script></template><p>c</p>')).toBe(
      '<template></template><p>c</p>',
    );
    expect(precleanHtml('<p>c</p><template><p>a</p>')).toBe('<p>c</p><template></template>');
  });

  it('empties shape-only SVG and keeps SVG with text', () => {
    expect(precleanHtml('<svg class=i viewBox="0 0 1 1"><g><path d="M0 0"/></g></svg>')).toBe(
      '<svg class=i viewBox="0 0 1 1"></svg>',
    );
    const withText = '<svg><title>Deaths by month</title><path d="M0 0"/></svg>';
    expect(precleanHtml(withText)).toBe(withText);
    const withStyle = '<svg><style>p{}</style><script>x</script></svg>';
    expect(precleanHtml(withStyle)).toBe(withStyle);
  });

  it('flattens nesting beyond MAX_DEPTH, keeping all text', () => {
    const n = MAX_DEPTH + 50;
    const html = `${'<div>'.repeat(n)}deep${'</div>'.repeat(n)}`;
    const out = precleanHtml(html);
    expect(out).toBe(`${'<div>'.repeat(MAX_DEPTH)}deep${'</div>'.repeat(MAX_DEPTH)}`);
    // Elements the parser closes by itself do not count.
    const flat = '<p>a'.repeat(1000);
    expect(precleanHtml(flat)).toBe(flat);
  });

  it('returns the input unchanged when there is nothing to remove', () => {
    const html = '<!doctype html><html><head><title>t</title></head><body><p>x</p></body></html>';
    expect(precleanHtml(html)).toBe(html);
  });

  it('aggressive mode removes every inline style and foreign island', () => {
    expect(
      precleanHtml('<p style="display:none">a</p><svg><text>t</text></svg>', { aggressive: true }),
    ).toBe('<p >a</p>');
  });

  it('runs in linear time on constructs that invite rescanning', () => {
    const bombs: Record<string, string> = {
      'many comments': '<!--a-->'.repeat(100_000),
      'unclosed svg': '<svg>'.repeat(30_000),
      'unclosed math': '<math>'.repeat(30_000),
      'unclosed tags in svg': `<svg><a${'<a'.repeat(50_000)}</svg>`,
      'unclosed templates': '<template>'.repeat(30_000),
      'unclosed scripts': '<script>'.repeat(30_000),
      'unclosed noscripts': `<body>${'<noscript><div>'.repeat(30_000)}`,
      'dangling quotes': '<a "'.repeat(30_000),
      'bare angle brackets': '<'.repeat(300_000),
      'stray end tags': '</div>'.repeat(100_000),
    };
    for (const [name, html] of Object.entries(bombs)) {
      const t0 = performance.now();
      precleanHtml(html);
      // Each takes ~30 ms; quadratic behaviour would take minutes.
      expect(performance.now() - t0, name).toBeLessThan(2_000);
    }
  });

  it('survives truncated input', () => {
    for (const html of ['<', '<p', '<p class="x', '</', '</p', '<!', '<!--', '<svg', '<a href=x']) {
      expect(typeof precleanHtml(html)).toBe('string');
    }
  });
});

describe('looksLikeHtml', () => {
  it('recognises documents and fragments', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body></body></html>')).toBe(true);
    expect(looksLikeHtml('\uFEFF  <html lang="en">')).toBe(true);
    expect(looksLikeHtml('<p>One</p><p>Two</p>')).toBe(true);
    expect(looksLikeHtml('<div class="x">Text<br>more</div>')).toBe(true);
  });

  it('leaves plain text alone, even with a stray angle bracket or tag name', () => {
    expect(looksLikeHtml('Twelve killed in Idlib. The monitor said <5 were children.')).toBe(false);
    expect(looksLikeHtml('Use the <b> tag for bold, she wrote.')).toBe(false);
    expect(looksLikeHtml('')).toBe(false);
  });
});

describe('toIsoDate', () => {
  it('normalises plausible dates to UTC ISO', () => {
    expect(toIsoDate('2019-10-15T09:47:00+03:00')).toBe('2019-10-15T06:47:00.000Z');
    expect(toIsoDate('2017-04-05')).toBe('2017-04-05T00:00:00.000Z');
    expect(toIsoDate('Wed, 05 Apr 2017 10:00:00 GMT')).toBe('2017-04-05T10:00:00.000Z');
  });

  it('rejects junk, ancient and far-future dates', () => {
    expect(toIsoDate(null)).toBeNull();
    expect(toIsoDate('yesterday')).toBeNull();
    expect(toIsoDate('5')).toBeNull();
    expect(toIsoDate('1970-01-01T00:00:00Z')).toBeNull();
    expect(toIsoDate('2099-01-01T00:00:00Z')).toBeNull();
  });
});
