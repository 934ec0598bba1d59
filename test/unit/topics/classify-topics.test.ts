import { describe, expect, it } from 'vitest';
import type { TopicDefinition } from '../../../shared/domain/topics.ts';
import { classifyTopics } from '../../../shared/topics/index.ts';

const coalition: TopicDefinition = {
  id: 'coalition-strikes-syria',
  name: 'Coalition strikes in Syria',
  kind: 'coalition-strikes-syria',
};

describe('classifyTopics: coalition-strikes-syria', () => {
  it('is relevant for a report of coalition strikes in Syria', () => {
    const title = 'US-led coalition air strike kills 20 civilians in Raqqa';
    const text = `${title}\n\nAt least 20 civilians were killed in a US-led coalition air strike on Raqqa on Monday, a monitor said. The coalition said it was investigating the strike.`;
    const decision = classifyTopics({ title, text }, [coalition]);
    expect(decision.relevant).toBe(true);
    expect(decision.topics).toEqual(['coalition-strikes-syria']);
  });

  it('is relevant for accusations about US strikes without a telling headline', () => {
    const text =
      'Moscow reacts\n\nRussia said American warplanes bombed civilian sites in Deir ez-Zor. The Russian Defense Ministry said the US-led coalition strikes killed dozens of civilians in Syria.';
    expect(classifyTopics({ text }, [coalition]).relevant).toBe(true);
  });

  it('is not relevant when US strikes are only threatened or anticipated', () => {
    const title = 'Mortar round kills three in Homs';
    const text = `${title}\n\nA mortar round killed three people in Homs as residents braced for a possible US strike, state media said. Residents said American missiles might strike army bases within days. Washington has been threatening to bomb military sites after the alleged gas attack.`;
    expect(classifyTopics({ title, text }, [coalition]).relevant).toBe(false);
  });

  it('stays relevant for a report of a US strike that mentions threats of more', () => {
    const title = 'US missile strike on Syrian air base kills six soldiers';
    const text = `${title}\n\nUS warships fired cruise missiles at an air base near Homs on Friday, killing six soldiers, the army said. Moscow warned of possible new US strikes.`;
    expect(classifyTopics({ title, text }, [coalition]).relevant).toBe(true);
  });

  it('is not relevant for regime or Russian strikes', () => {
    const title = 'Russian air strikes kill 12 in Idlib';
    const text = `${title}\n\nRussian and Syrian government warplanes bombed a market in Idlib province killing 12 people, a monitor said.`;
    expect(classifyTopics({ title, text }, [coalition]).relevant).toBe(false);
  });

  it('is not relevant for a passing background mention of the coalition', () => {
    const title = 'Syrian army advances near Palmyra';
    const text = `${title}\n\nSyrian troops backed by Russian jets advanced near Palmyra on Sunday. The US-led coalition has been bombing IS in Syria since 2014.`;
    expect(classifyTopics({ title, text }, [coalition]).relevant).toBe(false);
  });

  it('does not mistake the Syrian National Coalition for the US-led coalition', () => {
    const title = 'Syrian Coalition condemns regime air strikes on Douma';
    const text = `${title}\n\nThe Syrian Coalition condemned the regime air strikes that killed 20 civilians in Douma. The Coalition called for action.`;
    expect(classifyTopics({ title, text }, [coalition]).relevant).toBe(false);
  });
});

describe('classifyTopics: coalition-strikes-syria, background and ledes', () => {
  it('counts history and support of the campaign as background, not as a report', () => {
    const title = 'Car bomb kills 30 at checkpoint in Syria';
    const text = `${title}\n\nA car bomb killed 30 people at a checkpoint near Tabqa on Friday, a monitor said. The Kurdish-led alliance is backed by US-led coalition air strikes and special forces advisers. The coalition has been carrying out air strikes against IS in Syria since 2014.`;
    expect(classifyTopics({ title, text }, [coalition]).relevant).toBe(false);
  });

  it('reads a lede reporting coalition strikes, even when the headline names another speaker', () => {
    const title = 'Turkish army says 25 militants killed near al-Bab';
    const text = `${title}\n\nTwenty-five IS militants were killed in clashes and US-led coalition air strikes near al-Bab in the past 24 hours, the Turkish army said. Another eight died in air strikes by coalition jets west of the town.`;
    expect(classifyTopics({ title, text }, [coalition]).relevant).toBe(true);
  });

  it('reads a US strike ordered by the president', () => {
    const title = 'Trump defends his decision';
    const text = `${title}\n\nPresident Trump ordered missile strikes on an air base in Syria on Friday. He said the attack was a response to the use of nerve gas.`;
    expect(classifyTopics({ title, text }, [coalition]).relevant).toBe(true);
  });
});

describe('classifyTopics: the explanation of the coalition model', () => {
  const title = 'US-led coalition air strikes kill 14 civilians in Raqqa';
  const text = `${title}\n\nAt least 14 civilians were killed on Tuesday in air strikes by the US-led coalition on Raqqa, the Syrian Observatory for Human Rights said. The coalition said it would look into the report.`;

  it('gives the probability, the threshold, the strongest features and sentence', () => {
    const d = classifyTopics({ title, text }, [coalition]);
    const e = d.explanation;
    expect(e).toBeDefined();
    expect(e?.probability).toBeGreaterThanOrEqual(e?.threshold ?? 1);
    expect(e?.topFeatures.length).toBeGreaterThan(0);
    expect(e?.topFeatures.length).toBeLessThanOrEqual(6);
    const sizes = (e?.topFeatures ?? []).map((f) => Math.abs(f.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(e?.sentence).toMatch(/coalition/);
  });

  it('explains a decision against the topic too', () => {
    const d = classifyTopics(
      {
        title: 'Aid reaches Douma',
        text: 'A UN convoy reached Douma on Monday, the Red Crescent said.',
      },
      [coalition],
    );
    expect(d.relevant).toBe(false);
    expect(d.explanation?.probability).toBeLessThan(d.explanation?.threshold ?? 0);
    expect(d.explanation?.sentence).toBeUndefined();
  });

  it('is the same whether the text starts with the title or not', () => {
    const body = text.slice(title.length + 2);
    expect(classifyTopics({ title, text: body }, [coalition])).toEqual(
      classifyTopics({ title, text }, [coalition]),
    );
  });
});

describe('classifyTopics: keywords', () => {
  const topic: TopicDefinition = {
    id: 'chemical',
    name: 'Chemical attacks',
    kind: 'keywords',
    all: [
      ['chemical', 'sarin', 'chlorine'],
      ['Idlib', 'Khan Sheikhoun'],
    ],
    none: ['OPCW report'],
  };

  it('needs a term from every group', () => {
    expect(classifyTopics({ text: 'A sarin attack hit Khan Sheikhoun.' }, [topic]).topics).toEqual([
      'chemical',
    ]);
    expect(classifyTopics({ text: 'A sarin attack hit Douma.' }, [topic]).relevant).toBe(false);
  });

  it('matches case-insensitively on word boundaries', () => {
    expect(classifyTopics({ text: 'CHLORINE canisters fell on IDLIB.' }, [topic]).relevant).toBe(
      true,
    );
    expect(classifyTopics({ text: 'Chemicals were stored near Idlib.' }, [topic]).relevant).toBe(
      false,
    );
  });

  it('is vetoed by a none term', () => {
    expect(
      classifyTopics({ text: 'The OPCW report on the sarin attack in Idlib.' }, [topic]).relevant,
    ).toBe(false);
  });

  it('reports every matching topic', () => {
    const any: TopicDefinition = { id: 'syria', name: 'Syria', kind: 'keywords', all: [['Syria']] };
    const decision = classifyTopics({ title: 'Syria', text: 'Chlorine in Idlib, Syria.' }, [
      topic,
      any,
    ]);
    expect(decision).toEqual({ relevant: true, topics: ['chemical', 'syria'] });
    // Keyword topics alone run no model, so there is nothing to explain.
    expect(decision.explanation).toBeUndefined();
  });

  it('is not relevant without topics or with an empty definition', () => {
    expect(classifyTopics({ text: 'anything' }, [])).toEqual({ relevant: false, topics: [] });
    expect(
      classifyTopics({ text: 'anything' }, [{ id: 'x', name: 'x', kind: 'keywords' }]).relevant,
    ).toBe(false);
  });
});
