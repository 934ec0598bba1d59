import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../../shared/dedupe/canonical-url.ts';

describe('canonicalizeUrl', () => {
  it('gives one identity to links that differ only in scheme, host case, www, port and fragment', () => {
    const variants = [
      'https://www.Example.com/world/story-1#comments',
      'http://example.com:80/world/story-1',
      'HTTPS://EXAMPLE.COM:443/world/story-1/',
      'https://example.com./world/story-1',
    ];
    const canonical = new Set(variants.map(canonicalizeUrl));
    expect(canonical).toEqual(new Set(['https://example.com/world/story-1']));
  });

  it('drops tracking parameters and sorts the ones that select content', () => {
    expect(
      canonicalizeUrl(
        'https://example.com/a?utm_source=rss&id=7&utm_medium=feed&fbclid=x&page=2&gclid=y',
      ),
    ).toBe('https://example.com/a?id=7&page=2');
    expect(canonicalizeUrl('https://example.com/a?b=2&a=1')).toBe(
      canonicalizeUrl('https://example.com/a?a=1&b=2'),
    );
  });

  it('keeps paths case-sensitive and distinct articles distinct', () => {
    expect(canonicalizeUrl('https://example.com/Story')).not.toBe(
      canonicalizeUrl('https://example.com/story'),
    );
    expect(canonicalizeUrl('https://example.com/a?id=1')).not.toBe(
      canonicalizeUrl('https://example.com/a?id=2'),
    );
  });

  it('refuses what is not an http(s) URL', () => {
    for (const bad of [
      'javascript:alert(1)',
      'ftp://example.com/x',
      'not a url',
      '',
      'file:///etc/passwd',
    ]) {
      expect(canonicalizeUrl(bad)).toBeNull();
    }
  });

  it('strips credentials from the identity', () => {
    expect(canonicalizeUrl('https://user:pass@example.com/a')).toBe('https://example.com/a');
  });
});
