import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  linkDensity,
  looksLikeNotice,
  withoutNotice,
} from '../../../shared/extract/judge-article.ts';

const element = (html: string): Node => {
  const doc = new JSDOM(`<div id="x">${html}</div>`).window.document;
  return doc.getElementById('x') as unknown as Node;
};

describe('looksLikeNotice', () => {
  it('knows a consent banner, a paywall and a JavaScript prompt', () => {
    expect(
      looksLikeNotice(
        'We and our partners use cookies to store and access information on your device. Click Accept all to consent.',
      ),
    ).toBe(true);
    expect(
      looksLikeNotice('This site uses cookies. By continuing you agree to our privacy policy.'),
    ).toBe(true);
    expect(looksLikeNotice('Subscribe now to continue reading this article.')).toBe(true);
    expect(looksLikeNotice('Please enable JavaScript to view this page.')).toBe(true);
  });

  it('does not take a news brief for one', () => {
    expect(
      looksLikeNotice(
        'Two people were killed and five wounded when mortar rounds hit a market in Jaramana on Tuesday, state media said.',
      ),
    ).toBe(false);
    // One cue alone is not enough.
    expect(
      looksLikeNotice('The ministry did not agree to the ceasefire terms, a spokesman said.'),
    ).toBe(false);
  });
});

describe('withoutNotice', () => {
  it('drops the notice paragraphs and keeps the article', () => {
    const notice = 'We use cookies. Accept all to consent to our partners.';
    const text = `${notice}\n\nThe coalition said it was reviewing the strike.\n\nSix children died.`;
    expect(withoutNotice(text, notice)).toBe(
      'The coalition said it was reviewing the strike.\n\nSix children died.',
    );
  });

  it('is null when nothing but the notice is left', () => {
    expect(withoutNotice('We use cookies.', 'We use  cookies.')).toBeNull();
  });
});

describe('linkDensity', () => {
  it('is the share of the text inside links', () => {
    expect(
      linkDensity(element('<a href="/a">Headline one</a> <a href="/b">Headline two</a>')),
    ).toBe(1);
    expect(linkDensity(element('<p>No links in this paragraph at all.</p>'))).toBe(0);
    const mixed = linkDensity(element('<p>Read the <a href="/r">report</a> in full here.</p>'));
    expect(mixed).toBeGreaterThan(0.1);
    expect(mixed).toBeLessThan(0.5);
    expect(linkDensity(element(''))).toBe(0);
  });
});
