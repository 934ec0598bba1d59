import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM, VirtualConsole } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractError } from '../../../shared/domain/errors.ts';
import { extractArticle } from '../../../shared/extract/extract-article.ts';
import { MAX_DEPTH } from '../../../shared/extract/preclean-html.ts';

// Untrusted HTML must never run code or make the extractor fetch anything. A loopback server
// stands in for every address a page could point at and counts what reaches it.

let server: Server;
let base = '';
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('window.__fetched = true;');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

const para = (n: number): string =>
  `<p>Paragraph ${n}: rescue workers said at least ${n + 4} people were killed when the strike hit a residential building in the city centre late on Monday, and dozens more were missing under the rubble.</p>`;

function hostilePage(b: string): string {
  return `<!doctype html><html><head>
<title>Strike hits residential building</title>
<base href="${b}/base/">
<meta http-equiv="refresh" content="0; url=${b}/refresh">
<link rel="stylesheet" href="${b}/style.css">
<link rel="preload" href="${b}/preload.js" as="script">
<link rel="icon" href="${b}/favicon.ico">
<link rel="import" href="${b}/import.html">
<style>@import url("${b}/import.css"); body { background: url(${b}/bg.png) }</style>
<script src="${b}/external.js"></script>
<script>
  document.title = 'PWNED';
  globalThis.__swPwned = true;
  new Image().src = '${b}/beacon-image';
  fetch('${b}/beacon-fetch');
  var x = new XMLHttpRequest(); x.open('GET', '${b}/beacon-xhr'); x.send();
  document.addEventListener('DOMContentLoaded', function () {
    document.body.innerHTML = '<article><p>PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED PWNED</p></article>';
  });
</script>
</head>
<body onload="document.title='PWNED-onload'; fetch('${b}/beacon-onload')">
<article>
<h1>Strike hits residential building</h1>
${para(1)}
<img src="${b}/img.png" srcset="${b}/img-2x.png 2x" onerror="fetch('${b}/beacon-onerror')">
<picture><source srcset="${b}/pic.webp" type="image/webp"><img src="${b}/pic.jpg"></picture>
${para(2)}
<iframe src="${b}/frame.html"></iframe>
<iframe srcdoc="<script>parent.document.title='PWNED-srcdoc'</script><img src='${b}/srcdoc-img.png'>"></iframe>
<iframe src="javascript:parent.document.title='PWNED-jsurl'"></iframe>
<video src="${b}/video.mp4" poster="${b}/poster.jpg"></video>
<audio src="${b}/audio.mp3"></audio>
<object data="${b}/object.swf"></object>
<embed src="${b}/embed.swf">
<input type="image" src="${b}/input.png">
<svg><image href="${b}/svg-image.png"/><script>document.title='PWNED-svg'</script></svg>
<div style="background-image: url(${b}/inline-bg.png)">${para(3)}</div>
<noscript><img src="${b}/noscript.png"></noscript>
<script type="module">document.title = 'PWNED-module'; import('${b}/module.js');</script>
<a href="${b}/link" ping="${b}/ping">a link</a>
${para(4)}
</article>
</body></html>`;
}

describe('extractArticle on hostile pages', () => {
  it('never runs scripts: neither the global nor the document is touched', () => {
    const a = extractArticle(hostilePage(base), { url: 'https://news.example/a' });
    expect((globalThis as Record<string, unknown>).__swPwned).toBeUndefined();
    expect(a?.title).toBe('Strike hits residential building');
    expect(a?.text).not.toContain('PWNED');
    expect(a?.text).toContain('Paragraph 1: rescue workers said');
    expect(a?.text).toContain('Paragraph 4: rescue workers said');
  });

  it('has a page that really would run code and fetch (positive control)', async () => {
    hits.length = 0;
    const virtualConsole = new VirtualConsole();
    virtualConsole.on('jsdomError', () => {});
    const dom = new JSDOM(hostilePage(base), {
      url: `${base}/article.html`,
      runScripts: 'dangerously',
      resources: 'usable',
      virtualConsole,
    });
    await new Promise((done) => setTimeout(done, 500));
    expect(dom.window.document.title).toContain('PWNED');
    dom.window.close();
    expect(hits.length).toBeGreaterThan(3);
  });

  it('fetches no subresource and sends no beacon', async () => {
    hits.length = 0;
    // Same page under the page's own loopback URL, so relative and same-origin loads would count.
    extractArticle(hostilePage(base), { url: `${base}/article.html` });
    extractArticle(hostilePage(base), { url: 'https://news.example/a' });
    // Loads in jsdom are asynchronous; give them time to arrive if anything was started.
    await new Promise((done) => setTimeout(done, 500));
    expect(hits).toEqual([]);
  });

  it('gives null or ExtractError on degenerate input, never another error', () => {
    for (const html of [
      '',
      '<',
      '<!--',
      '<script>',
      '<svg><svg>',
      '\u0000\uFFFF<html',
      '<template>',
    ]) {
      let result: unknown;
      try {
        result = extractArticle(html, { url: 'not a url' });
      } catch (err) {
        expect(err).toBeInstanceOf(ExtractError);
      }
      expect(result ?? null).toBeNull();
    }
  });

  it('stays fast on absurdly deep nesting (Readability is polynomial in depth)', () => {
    const text = 'Shelling killed at least ten people in the town, the monitor said. '.repeat(20);
    for (const open of ['<div>', '<span>', '<b>', '<section><div>']) {
      const html = `<html><body>${open.repeat(5_000)}<p>${text}</p></body></html>`;
      const t0 = performance.now();
      const a = extractArticle(html, { url: 'https://news.example/deep' });
      const ms = performance.now() - t0;
      expect(a?.text, open).toContain('Shelling killed at least ten people');
      // Unbounded, 1,000 nested divs already take ~20 s.
      expect(ms, open).toBeLessThan(5_000);
    }
    expect(MAX_DEPTH).toBeGreaterThanOrEqual(128);
  });

  it('keeps a page whose real depth stays under the cap exactly as written', () => {
    const text = 'The convoy reached the besieged district after weeks of negotiations. '.repeat(8);
    const html = `<html><body>${'<div>'.repeat(100)}<p>${text}</p>${'</div>'.repeat(100)}</body></html>`;
    const a = extractArticle(html, { url: 'https://news.example/ok' });
    expect(a?.text).toBe(text.trim());
  });
});
