import { describe, expect, it } from 'vitest';
import { type CoalitionCues, coalitionCues } from '../../../shared/topics/coalition-cues.ts';
import { articleFeatures } from '../../../shared/topics/coalition-features.ts';
import { topicSentences, wordTokens } from '../../../shared/topics/topic-text.ts';

const cuesOf = (title: string, body: string): CoalitionCues => {
  const text = `${title}\n\n${body}`;
  return coalitionCues(title, text, topicSentences(text));
};
const kinds = (title: string, body: string): string[] =>
  cuesOf(title, body).actorSentences.map((s) => s.kind);

describe('topicSentences', () => {
  it('splits on sentence ends, glued ones included, but not inside U.S.', () => {
    const s = topicSentences('Title here\n\nThe U.S. military said so. Then more.It went on');
    expect(s.map((x) => x.text)).toEqual([
      'Title here',
      'The U.S. military said so.',
      'Then more.',
      'It went on',
    ]);
    expect(s.map((x) => x.line)).toEqual([0, 1, 1, 1]);
  });
});

describe('wordTokens', () => {
  it('keeps the United States apart from the pronoun', () => {
    expect(wordTokens('U.S.-led jets and US forces told us')).toEqual([
      'usa-led',
      'jets',
      'and',
      'usa',
      'forces',
      'told',
      'us',
    ]);
  });

  it('folds numbers, number words, Syrian places and weekdays into classes', () => {
    expect(wordTokens('Twelve killed, 300 wounded in Raqqa on Monday')).toEqual([
      '#',
      'killed',
      '#',
      'wounded',
      'in',
      '@place',
      'on',
      '@day',
    ]);
  });

  it("drops a possessive 's", () => {
    expect(wordTokens("Washington's strikes")).toEqual(['washington', 'strikes']);
  });
});

describe('coalitionCues: one record per sentence naming the coalition or the US', () => {
  it('tells a report, a report with civilian dead and a toll apart', () => {
    const c = cuesOf(
      'Fighting in Syria',
      'Rebels clashed with troops near Hama. US-led coalition jets struck an IS depot near Raqqa on Tuesday. Coalition air strikes killed 12 civilians in Deir ez-Zor, the monitor said.',
    );
    expect(c.actorSentences.map((s) => s.kind)).toEqual(['report', 'civilian']);
    expect(c.actorSentences.map((s) => s.dated)).toEqual([true, false]);
    expect(c.actorSentences.map((s) => s.toll)).toEqual([false, true]);
    expect(c.actorSentences.map((s) => s.lead)).toEqual([false, false]);
    expect(c.reports).toBe(2);
    expect(c.civilianReports).toBe(1);
  });

  it('reads history, threats and Iraq-only sentences as no report', () => {
    expect(
      kinds(
        'Syria',
        'The US-led coalition has been bombing IS in Syria since 2014. Residents braced for a possible US strike. Coalition jets hit IS in Mosul.',
      ),
    ).toEqual(['background', 'hypothetical', 'iraq']);
  });

  it('reads support of another force as history', () => {
    expect(
      kinds('Syria', 'The SDF, supported by US-led coalition air strikes, advanced on Raqqa.'),
    ).toEqual(['background']);
  });

  it('keeps sentences the actor patterns miss, marked as such', () => {
    const c = cuesOf('Syria', 'Washington condemned the attack on the convoy near Aleppo.');
    expect(c.actorSentences).toHaveLength(1);
    expect(c.actorSentences[0]?.namedActor).toBe(false);
    expect(c.reports).toBe(0);
  });

  it('marks the title and the lede', () => {
    const c = cuesOf(
      'US strikes kill 8 in Raqqa',
      'US warplanes killed eight people in Raqqa on Sunday. Another sentence without actors.',
    );
    expect(c.titleHit).toBe(true);
    expect(c.lead).toBe(true);
    expect(c.actorSentences.map((s) => [s.title, s.lead])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('does not take the Syrian National Coalition for the US-led one', () => {
    const c = cuesOf(
      'Syrian Coalition condemns shelling',
      'The Syrian Coalition condemned the regime air strikes that killed 20 civilians in Douma.',
    );
    expect(c.syrianNationalCoalition).toBe(true);
    expect(c.reports).toBe(0);
    expect(c.actorSentences.every((s) => !s.namedActor)).toBe(true);
  });
});

describe('articleFeatures', () => {
  it('gives words only to sentences that may be reports', () => {
    const title = 'Syria';
    const f = articleFeatures(
      title,
      `${title}\n\nThe US-led coalition has been bombing IS in Syria since 2014. Coalition jets killed 9 civilians in Raqqa on Monday.`,
    );
    const [history, report] = f.sentences;
    expect([...(history?.vector.keys() ?? [])].some((k) => k.startsWith('c:'))).toBe(false);
    expect(history?.vector.get('k:background')).toBe(1);
    expect(report?.vector.get('k:civilian')).toBe(1);
    expect(report?.vector.has('c:killed')).toBe(true);
    expect(report?.vector.has('c:@coalition')).toBe(false);
    expect(report?.vector.has('c:coalition jets')).toBe(true);
  });

  it('has the cues of the article beside its sentences', () => {
    const f = articleFeatures('Aid reaches Douma', 'Aid reaches Douma\n\nA convoy arrived.');
    expect(f.sentences).toEqual([]);
    expect(f.article.get('cue:reports')).toBe(0);
    expect(f.article.get('cue:no_syria')).toBe(1);
  });
});
