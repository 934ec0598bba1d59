import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../../shared/dedupe/fingerprint.ts';
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
