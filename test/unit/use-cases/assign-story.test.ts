import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../../shared/dedupe/fingerprint.ts';
import type { StoryIndex } from '../../../shared/ports/story-index.ts';
import { assignStory } from '../../../shared/use-cases/assign-story.ts';
import { manualClock } from '../../../testkit/manual-clock.ts';
import { InMemoryStoryIndex } from '../../fakes/story-index.ts';

// A copy of an article joins the story its original ended in, even when the original joined an
// earlier story by its headline after claiming its text (FA-KES rows 45 and 373: one headline,
// two texts five weeks apart).

const HEADLINE = 'Coalition airstrikes kill 85 civilians in Daesh-held villages near Manbij';
const FIRST = `${HEADLINE}\n\nAirstrikes on villages near Manbij killed at least 85 civilians on Tuesday, activists said, as fighting for the town went on.`;
const SECOND = `${HEADLINE}\n\nThe Syrian Democratic Forces took the silos of Manbij on Monday after weeks of fighting, and residents fled south across the river.`;

describe('assignStory', () => {
  it('a copy of an article that joined a story by its headline joins that story too', async () => {
    const deps = { storyIndex: new InMemoryStoryIndex(), clock: manualClock() };
    const input = (articleId: string, text: string, publishedDate: string) => ({
      articleId,
      title: HEADLINE,
      publishedDate,
      seenDate: '2026-12-02',
      fp: fingerprintText(text),
    });
    const first = await assignStory(deps, input('a1', FIRST, '2016-07-06'));
    const second = await assignStory(deps, input('a2', SECOND, '2016-07-19'));
    expect(second).toEqual({ storyId: first.storyId, duplicateOf: 'text' });
    const copy = await assignStory(deps, input('m2', SECOND, '2016-07-19'));
    expect(copy).toEqual({ storyId: first.storyId, duplicateOf: 'text' });
  });
});

/**
 * Two copies in flight at once, in the order that split them: `early` is indexed first (its
 * time is taken first) but claims its identities after `late`, which then finds `early` among
 * its near-duplicates before `early` has read whose story `late` keeps.
 */
async function copiesInFlight(early: string, late: string) {
  // "a" is `early`, "b" is `late`.
  const index = new InMemoryStoryIndex();
  let lateClaimed!: () => void;
  const afterLateClaims = new Promise<void>((r) => {
    lateClaimed = r;
  });
  let claims = 0;
  const gated: StoryIndex = Object.assign(Object.create(index) as StoryIndex, {
    async claimContentHash(id: string, owner: { articleId: string; storyId: string }) {
      if (owner.articleId === 'a') await afterLateClaims;
      const result = await index.claimContentHash(id, owner);
      // "b" claims two identities, its text and its (long enough) headline.
      if (owner.articleId === 'b' && ++claims === 2) lateClaimed();
      return result;
    },
  });
  // The same clock reading: the ids order the two ("a" indexed before "b").
  const deps = { storyIndex: gated, clock: manualClock(new Date('2026-12-02T10:00:00Z')) };
  const input = (articleId: string, text: string) => ({
    articleId,
    title: HEADLINE,
    publishedDate: '2016-07-06',
    seenDate: '2026-12-02',
    fp: fingerprintText(text),
  });
  return Promise.all([assignStory(deps, input('a', early)), assignStory(deps, input('b', late))]);
}

describe('assignStory with two copies in flight', () => {
  it('one text: both end in one story', async () => {
    const [a, b] = await copiesInFlight(FIRST, FIRST);
    expect(a.storyId).toBe(b.storyId);
  });

  it('one headline over near-duplicate texts: both end in one story', async () => {
    const [a, b] = await copiesInFlight(FIRST, `${FIRST} The toll may rise, medics said.`);
    expect(a.storyId).toBe(b.storyId);
  });
});

describe('assignStory for a copy', () => {
  it('takes the owner of its text without reading the band slots', async () => {
    const index = new InMemoryStoryIndex();
    let bandReads = 0;
    const counted: StoryIndex = Object.assign(Object.create(index) as StoryIndex, {
      findStoryCandidates(...args: Parameters<StoryIndex['findStoryCandidates']>) {
        bandReads++;
        return index.findStoryCandidates(...args);
      },
    });
    const deps = { storyIndex: counted, clock: manualClock() };
    const input = (articleId: string) => ({
      articleId,
      title: HEADLINE,
      publishedDate: '2016-07-06',
      seenDate: '2026-12-02',
      fp: fingerprintText(FIRST),
    });
    const original = await assignStory(deps, input('o1'));
    expect(bandReads).toBe(1);
    expect(await assignStory(deps, input('c1'))).toEqual({
      storyId: original.storyId,
      duplicateOf: 'text',
    });
    expect(bandReads).toBe(1);
  });
});
