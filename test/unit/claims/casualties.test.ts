import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import type { CasualtyFigure } from '../../../shared/domain/claims.ts';

const ctx = { outlet: 'Test Wire', publishedAt: '2017-06-08' }; // a Thursday

function figures(text: string): CasualtyFigure[] {
  return extractClaims(text, ctx).casualties;
}

function brief(text: string): string[] {
  return figures(text).map(
    (f) =>
      `${f.count} ${f.outcome} ${f.victims} ${f.qualifier}${f.background ? ' background' : ''}`,
  );
}

describe('extractClaims casualties: numbers', () => {
  it('reads digits and number words', () => {
    expect(brief('Six civilians were killed in the raid.')).toEqual(['6 killed civilians exact']);
    expect(brief('The strike killed 17 people.')).toEqual(['17 killed people exact']);
    expect(brief('Sixty-two soldiers died.')).toEqual(['62 killed soldiers exact']);
  });

  it('reads "a child" as one and "two dozen" as 24', () => {
    expect(brief('A child was killed by shrapnel.')).toEqual(['1 killed children exact']);
    expect(brief('Two dozen villagers were wounded.')).toEqual(['24 injured civilians exact']);
  });

  it('keeps the lower bound of a range and the upper as max', () => {
    const [f] = figures('Between 20 and 30 people were killed near Manbij.');
    expect(f).toMatchObject({ count: 20, max: 30, outcome: 'killed' });
  });

  it('does not label vague quantities', () => {
    expect(figures('Dozens of people were killed and hundreds wounded.')).toEqual([]);
  });
});

describe('extractClaims casualties: qualifiers', () => {
  it.each([
    ['At least 15 civilians were killed.', 'at_least'],
    ['No fewer than 15 civilians were killed.', 'at_least'],
    ['More than 15 civilians were killed.', 'more_than'],
    ['Over 15 civilians were killed.', 'more_than'],
    ['Up to 15 civilians were killed.', 'up_to'],
    ['About 15 civilians were killed.', 'about'],
    ['Nearly 15 civilians were killed.', 'about'],
    ['Some 15 civilians were killed.', 'about'],
  ])('%s', (text, qualifier) => {
    expect(figures(text)[0]?.qualifier).toBe(qualifier);
  });
});

describe('extractClaims casualties: clause patterns', () => {
  it('splits "N civilians including M children" into two figures', () => {
    expect(brief('At least 84 civilians including 30 children were killed.')).toEqual([
      '84 killed civilians at_least',
      '30 killed children exact',
    ]);
    expect(brief('The raid killed three civilians including two children.')).toEqual([
      '3 killed civilians exact',
      '2 killed children exact',
    ]);
  });

  it('gives each verb its own figure in "killed X and wounded Y"', () => {
    expect(brief('The shelling killed 12 people and wounded 40 others.')).toEqual([
      '12 killed people exact',
      '40 injured people exact',
    ]);
    expect(brief('Two people were killed and 15 injured.')).toEqual([
      '2 killed people exact',
      '15 injured people exact',
    ]);
  });

  it('reads death tolls and missing people', () => {
    expect(brief('The death toll rose to 85 on Monday.')).toEqual(['85 killed people exact']);
    expect(brief('Three people are missing after the blast.')).toEqual(['3 missing people exact']);
  });

  it('classifies victims', () => {
    expect(brief('The strike killed 62 Syrian troops.')).toEqual(['62 killed soldiers exact']);
    expect(brief('At least 23 IS militants were killed.')).toEqual(['23 killed fighters at_least']);
    expect(brief('Two women were wounded.')).toEqual(['2 injured women exact']);
    expect(brief('Two members of a pro-regime militia were killed.')).toEqual([
      '2 killed fighters exact',
    ]);
  });

  it('shares one verb between coordinated objects', () => {
    expect(
      brief('The raid killed two men from Hezbollah and three men from the popular committees.'),
    ).toEqual(['2 killed fighters exact', '3 killed fighters exact']);
    expect(brief('30 jihadists were killed near Shadadi and another five outside Kobane.')).toEqual(
      ['30 killed fighters exact', '5 killed fighters exact'],
    );
  });

  it('reads "among the dead were"', () => {
    expect(brief('Among the dead in the blast in the town were a woman and a child.')).toEqual([
      '1 killed women exact',
      '1 killed children exact',
    ]);
  });

  it('does not count "a" before a noun used as an adjective', () => {
    expect(figures('The strikes caused a heavy civilian death toll.')).toEqual([]);
  });

  it('lets "others" take the victims of the figure before', () => {
    expect(brief('Five soldiers were killed and 20 others were wounded.')).toEqual([
      '5 killed soldiers exact',
      '20 injured soldiers exact',
    ]);
  });
});

describe('extractClaims casualties: merging and background', () => {
  it('merges a headline figure repeated in the body', () => {
    const text =
      'Air strike kills 43 civilians in Raqqa\n\nAn air strike killed 43 civilians in Raqqa on Sunday, a monitor said.';
    expect(brief(text)).toEqual(['43 killed civilians exact']);
  });

  it('keeps "another 12" apart from an earlier 12', () => {
    const text = '12 fighters were killed in Tabqa. Another 12 fighters were killed in Raqqa.';
    expect(brief(text)).toEqual(['12 killed fighters exact', '12 killed fighters exact']);
  });

  it('marks cumulative tolls of the war or a period as background', () => {
    expect(brief('More than 300000 people have been killed since 2011.')).toEqual([
      '300000 killed people more_than background',
    ]);
    expect(brief('Over the past month more than 200 Syrians have been killed.')).toEqual([
      '200 killed people more_than background',
    ]);
    expect(brief('The conflict has killed 470000 people.')).toEqual([
      '470000 killed people exact background',
    ]);
  });

  it('marks the toll since a campaign began as background', () => {
    expect(brief('Reports say some 700 people have been killed since the strikes began.')).toEqual([
      '700 killed people about background',
    ]);
    expect(brief('The toll has reached 40 since coalition raids started in June.')).toEqual([
      '40 killed people exact background',
    ]);
  });

  it("marks a campaign's toll in two countries as background, not a name that spans them", () => {
    expect(
      brief('The coalition said its strikes in Iraq and Syria had killed 350 civilians.'),
    ).toEqual(['350 killed civilians exact background']);
    expect(
      brief('The coalition said its raids there and in Iraq killed at least 90 civilians.'),
    ).toEqual(['90 killed civilians at_least background']);
    expect(
      brief(
        'The blast killed 12 fighters of a group backed by the coalition fighting IS in Iraq and Syria.',
      ),
    ).toEqual(['12 killed fighters exact']);
  });
});

describe('extractClaims casualties: numbers that are not casualties', () => {
  it.each([
    'Some 200000 people had lived in Raqqa before the war.',
    'A 12-year-old boy told reporters what he saw.',
    'The coalition carried out 32 strikes and fired 59 missiles on June 3 2017.',
    'About 1.5 million refugees fled and 400 families were displaced.',
    'The United States pledged 50 million dollars in aid.',
    'The convoy of 20 trucks reached the town at 10 am.',
    '35 aircraft took part in the operation that lasted 12 days.',
  ])('%s', (text) => {
    expect(figures(text)).toEqual([]);
  });
});

describe('extractClaims casualties: source, place, date, quote', () => {
  it('attributes figures to the stated source, else the outlet', () => {
    const [a] = figures(
      'At least 20 civilians were killed in Raqqa, the Syrian Observatory for Human Rights said.',
    );
    expect(a?.source).toBe('Syrian Observatory for Human Rights');
    const [b] = figures('At least 20 civilians were killed in Raqqa.');
    expect(b?.source).toBe('Test Wire');
    expect(extractClaims('Four people were killed.').casualties[0]?.source).toBe('the outlet');
  });

  it('takes who told an agency for the source, the agency only when no speaker is named', () => {
    const [police] = figures(
      'A source at Aleppo Police Command told SANA that a woman was killed by rocket shells.',
    );
    expect(police?.source).toBe('A source at Aleppo Police Command');
    const [militia] = figures(
      'Twelve fighters were killed in the strikes, a source in the Syrian militia told Reuters.',
    );
    expect(militia?.source).toBe('a source in the Syrian militia');
    const [monitor] = figures(
      'The Syrian Observatory for Human Rights director Rami Abdel Rahman told AFP that 12 civilians were killed.',
    );
    expect(monitor?.source).toBe('Syrian Observatory for Human Rights');
    const [unnamed] = figures(
      'The missiles also wounded 25 others Ibrahim Abu Leys told Anadolu Agency.',
    );
    expect(unnamed?.source).toBe('Anadolu Agency');
  });

  it('does not take the party that struck for the source ("coalition strikes ... - reports")', () => {
    const [f] = figures(
      'Eight civilians die in US-led coalition strikes near Homs - reports. State media said so.',
    );
    expect(f?.source).not.toMatch(/coalition/i);
    expect(f?.perpetrator).toBe('coalition');
  });

  it('attributes "according to" sources', () => {
    const [f] = figures(
      'The strike killed 62 troops and wounded 100 more, according to the Russian Defense Ministry.',
    );
    expect(f?.source).toBe('Russian Defense Ministry');
  });

  it('names ministries, state media and the opposition as sources', () => {
    expect(
      figures("Russia's Defence Ministry said its jets had killed 120 militants near Palmyra.")[0]
        ?.source,
    ).toBe("Russia's Defence Ministry");
    expect(figures('The toll rose to 43 on Sunday, state media said.')[0]?.source).toBe(
      'state media',
    );
    expect(figures('Some 1,200 people were killed, according to the opposition.')[0]).toMatchObject(
      { count: 1200, qualifier: 'about', source: 'opposition' },
    );
  });

  it('takes the name nearest the verb as the source past a phrase of place', () => {
    const f = figures(
      'Another 17 fighters were killed in strikes by coalition warplanes in the same areas, the Turkish military said.',
    );
    expect(f[0]?.source).toBe('Turkish military');
    expect(
      figures('In Iraq at least 17 people were reported killed on Monday.')[0]?.source,
    ).not.toBe('Iraq');
  });

  it('names a nationality with the institution after it, and that is "the military" told again', () => {
    const f = figures(
      'Turkish military says 31 IS militants killed in Syria. Fourteen of the IS fighters were killed near Dabiq, the Turkish army said. Another 17 IS fighters were killed in air strikes in the same areas the military said.',
    );
    expect(f.map((x) => [x.count, x.source])).toEqual([
      [31, 'Turkish military'],
      [14, 'Turkish army'],
      [17, 'Turkish military'],
    ]);
  });

  it("does not take the victims' side for the source", () => {
    const f = figures('Clashes killed 4 YPG fighters near Kobane, the Observatory said.');
    expect(f[0]?.source).toBe('Syrian Observatory for Human Rights');
  });

  it('reads a source told again by its bare noun as the fuller name before it', () => {
    const f = figures(
      'The Russian army said jets struck the base. Later the army said 40 soldiers were killed.',
    );
    expect(f.find((x) => x.count === 40)?.source).toBe('Russian army');
  });

  it('gives a sentence wholly in quotation marks the speaker of the quotation before it', () => {
    const quoted = figures(
      '"Jets struck the air base at dawn," the Russian Defence Ministry said in a statement. "Twelve soldiers were killed in the strikes."',
    );
    expect(quoted.find((f) => f.count === 12)?.source).toBe('Russian Defence Ministry');
    // Narration in between ends the quotation: the outlet states the figure.
    const narrated = figures(
      '"Jets struck the air base at dawn," the Russian Defence Ministry said in a statement. Twelve soldiers were killed in the strikes.',
    );
    expect(narrated.find((f) => f.count === 12)?.source).not.toBe('Russian Defence Ministry');
  });

  it('finds the place from the gazetteer and "town of X"', () => {
    expect(figures('Nine civilians were killed in Deir al-Zour.')[0]?.place).toBe('Deir ez-Zor');
    expect(figures('Nine civilians were killed in the village of Hamidiya.')[0]?.place).toBe(
      'Hamidiya',
    );
    expect(figures('Nine civilians were killed.')[0]?.place).toBeNull();
    // An Arabic article before a name the gazetteer knows without it: the gazetteer's name.
    expect(figures('Jets struck the town of al-Bukamal killing 13 civilians.')[0]?.place).toBe(
      'Albu Kamal',
    );
  });

  it('does not take a place that names a broadcaster', () => {
    expect(
      figures('Five people were killed by shelling, the governor told Al Mayadeen TV.')[0]?.place,
    ).toBeNull();
    expect(figures('Five people were killed in Idlib, Aleppo Today TV said.')[0]?.place).toBe(
      'Idlib',
    );
    expect(
      figures('Ten children were killed, Lebanese TV channel Mayadin reported.')[0]?.place,
    ).toBeNull();
  });

  it('resolves weekdays and month-day dates against the publication date', () => {
    expect(figures('Nine civilians were killed on Sunday.')[0]?.date).toBe('2017-06-04');
    expect(figures('Nine civilians were killed on June 3.')[0]?.date).toBe('2017-06-03');
    expect(figures('Nine civilians were killed on 30 December.')[0]?.date).toBe('2016-12-30');
    expect(extractClaims('Nine civilians were killed on Sunday.').casualties[0]?.date).toBeNull();
  });

  it('quotes the whole sentence the figure stands in', () => {
    const text =
      'Officials said that the raid, which began at dawn, killed at least 84 civilians in Raqqa. The city was quiet.';
    const [f] = figures(text);
    expect(f?.quote).toBe(
      'Officials said that the raid, which began at dawn, killed at least 84 civilians in Raqqa.',
    );
  });

  it('quotes the clause of a long sentence, never cutting a word', () => {
    const filler = 'the town had been under siege for months and aid convoys were turned back';
    const text = `Residents said ${filler}, ${filler}; the shelling on Tuesday killed 14 civilians in the old market, ${filler}, ${filler}.`;
    const [f] = figures(text);
    expect(f?.quote).toBe('the shelling on Tuesday killed 14 civilians in the old market');
    expect(text).toContain(f?.quote);
  });
});

describe('extractClaims casualties: generalisation fixes', () => {
  it('does not read "several dozen" or a bare "hundred" as a number', () => {
    expect(figures('The shelling left several dozen dead and wounded in the suburb.')).toEqual([]);
    expect(brief('A dozen farmers were wounded.')).toEqual(['12 injured civilians exact']);
  });

  it('does not read a dateline year before a capitalised phrase as victims', () => {
    expect(figures('2015 Homs Civilian Massacre Continues')).toEqual([]);
    expect(brief('Some 2000 civilians were killed in the siege.')).toEqual([
      '2000 killed civilians about',
    ]);
  });

  it('keeps "wounding another nine" as one figure beside the killed one', () => {
    const text =
      'Shells hit the market killing one man and wounding another nine. The hospital said nine people were wounded in the attack.';
    expect(brief(text)).toEqual(['1 killed men exact', '9 injured people exact']);
  });

  it('splits "25 civilians six of them children" and reads "Five of them died"', () => {
    expect(brief('The raids killed 25 civilians six of them children on Monday.')).toEqual([
      '25 killed civilians exact',
      '6 killed children exact',
    ]);
    expect(brief('Five of them died in the hospital.')).toEqual(['5 killed people exact']);
  });

  it('reads a coordinated victim noun before the verb', () => {
    expect(
      brief('More than 40 troops and allied militia were killed in the counterattack.'),
    ).toEqual(['40 killed soldiers more_than']);
  });

  it('reads "stoned to death" and "killed and crucified" as killed', () => {
    expect(brief('Two women were stoned to death in the square.')).toEqual([
      '2 killed women exact',
    ]);
    expect(brief('The militants killed and crucified four farmers in the village.')).toEqual([
      '4 killed civilians exact',
    ]);
  });

  it('reads citizens, students and a teacher as civilians', () => {
    expect(
      brief('Eight students aged between 7 and 12 years old were killed and a teacher was hurt.'),
    ).toEqual(['8 killed civilians exact', '1 injured civilians exact']);
    expect(brief('Three citizens were injured by the mortar round.')).toEqual([
      '3 injured civilians exact',
    ]);
    expect(brief('Two more citizens were killed in the evening.')).toEqual([
      '2 killed civilians exact',
    ]);
  });

  it('reads "a 7-year-old boy" as one child', () => {
    expect(brief('The rocket landed on the school injuring a 7-year-old boy.')).toEqual([
      '1 injured children exact',
    ]);
  });

  it('reads "20+ killed" and "the injury of 40 others"', () => {
    expect(brief('First reports spoke of 20+ killed in the blast.')).toEqual([
      '20 killed people more_than',
    ]);
    expect(brief('The blast led to the death of one man and the injury of 40 others.')).toEqual([
      '1 killed men exact',
      '40 injured people exact',
    ]);
  });

  it('lets the verb before the number win over a clause-initial participle after it', () => {
    expect(
      brief('The rocket claimed the lives of four citizens injured six others and damaged a car.'),
    ).toEqual(['4 killed civilians exact', '6 injured civilians exact']);
    expect(brief('A child killed 12 people injured in the shelling of the town.')).toEqual([
      '1 killed children exact',
      '12 injured people exact',
    ]);
  });

  it('chains "N children were among the M civilians killed"', () => {
    expect(
      brief('The monitor said at least nine children were among the 30 civilians killed.'),
    ).toEqual(['9 killed children at_least', '30 killed civilians exact']);
  });

  it('keeps a sub-figure after "including a journalist for ..." with its total', () => {
    expect(
      brief(
        'On Sunday 12 civilians including a journalist for a local radio were killed in Douma.',
      ),
    ).toEqual(['12 killed civilians exact', '1 killed civilians exact']);
  });

  it('reads "two civilians one of them a child" as a sub-figure', () => {
    expect(brief('The shell claimed the lives of two civilians one of them a child.')).toEqual([
      '2 killed civilians exact',
      '1 killed children exact',
    ]);
  });

  it('merges a glued sub-headline with its paragraph but not "two others"', () => {
    expect(
      brief(
        'Three killed two injured in blast in Hama Three citizens were killed and two others were injured in the blast.',
      ),
    ).toEqual(['3 killed civilians exact', '2 injured civilians exact']);
    expect(
      brief('Gunmen shot two farmers dead in Tayyana and executed two others in Shuheil.'),
    ).toEqual(['2 killed civilians exact', '2 killed civilians exact']);
  });

  it('marks tolls of the whole war as background', () => {
    expect(
      brief(
        'The downing brought the toll for Russian soldiers killed in the Syrian conflict to 21.',
      ),
    ).toEqual(['21 killed soldiers exact background']);
    expect(brief('The watchdog said 31 journalists were killed in the 40-month war.')).toEqual([
      '31 killed civilians exact background',
    ]);
  });

  it('reads "claiming the life of", "another civilian" and a quoted figure', () => {
    expect(brief('Shells hit the square claiming the life of one person.')).toEqual([
      '1 killed people exact',
    ]);
    expect(brief('Another civilian was killed in the evening.')).toEqual([
      '1 killed civilians exact',
    ]);
    expect(brief('The army said the raid ended up killing "30 terrorists."')).toEqual([
      '30 killed fighters exact',
    ]);
  });

  it('does not read "a man who lives with" as a death', () => {
    expect(figures('Ahmed, a 52-year-old man who lives with his parents, stayed home.')).toEqual(
      [],
    );
  });

  it('reads a sub-figure phrase of several words before the verb', () => {
    expect(
      brief('At least 26 people most of them from a rebel faction were killed in the bombing.'),
    ).toEqual(['26 killed people at_least']);
  });
});

describe('extractClaims casualties: more shapes (issue 13)', () => {
  const list = (text: string) =>
    extractClaims(text).casualties.map((c) => `${c.count} ${c.outcome} ${c.victims}`);

  it('reads large and vague-looking number words that are exact', () => {
    expect(list('More than a quarter of a million people have been killed since 2011.')).toEqual([
      '250000 killed people',
    ]);
    expect(list('The war has wounded at least a million people.')).toEqual([
      '1000000 injured people',
    ]);
    expect(list('Half a dozen children were wounded in the raid.')).toEqual(['6 injured children']);
  });

  it('reads "cost the lives of", "the bodies of", "eliminated"', () => {
    expect(list('The battle has cost the lives of 63 rebels and 21 Hezbollah fighters.')).toEqual([
      '63 killed fighters',
      '21 killed fighters',
    ]);
    expect(list('Activists filmed the bodies of at least 16 children in the clinic.')).toEqual([
      '16 killed children',
    ]);
    expect(list('The army eliminated 60 terrorists near the town.')).toEqual([
      '60 killed fighters',
    ]);
  });

  it('reads singular victims of more kinds', () => {
    expect(list('A reporter from the channel was killed in the raid.')).toEqual([
      '1 killed civilians',
    ]);
    expect(list('The army killed a terrorist commander near the town.')).toEqual([
      '1 killed fighters',
    ]);
  });

  it('reads "one of their activists" and "five of his entourage"', () => {
    expect(list('IS militants killed one of their activists for taking photos.')).toEqual([
      '1 killed civilians',
    ]);
    expect(list('The army killed five of his entourage near the town.')).toEqual([
      '5 killed fighters',
    ]);
  });

  it('reads gas casualties as injured', () => {
    expect(list('The shells caused 35 cases of suffocation in the neighbourhood.')).toEqual([
      '35 injured people',
    ]);
    expect(list('Some 33 people were affected by the gas in Saraqeb.')).toEqual([
      '33 injured people',
    ]);
  });

  it('reads a part told after its total, however far', () => {
    expect(
      list(
        'Troops executed 48 people earlier this week in a northern village among them 10 children.',
      ),
    ).toEqual(['48 killed people', '10 killed children']);
    expect(
      list(
        'Seven people were wounded in the raid on the camp near the village three of them women.',
      ),
    ).toEqual(['7 injured people', '3 injured women']);
    expect(
      list(
        'Seven civilians were killed among them a child and two women and nine people were injured.',
      ),
    ).toEqual(['7 killed civilians', '1 killed children', '2 killed women', '9 injured people']);
  });

  it('reads a list whose commas were stripped', () => {
    expect(
      list(
        'The monitor documented the killing of 5812 civilians including 1733 children 969 women and 3110 men.',
      ),
    ).toEqual([
      '5812 killed civilians',
      '1733 killed children',
      '969 killed women',
      '3110 killed men',
    ]);
  });

  it('reads an elliptic "and one in the town of X"', () => {
    expect(
      list('Five civilians were killed in the town of Sabqa and one in the town of Harasta.'),
    ).toEqual(['5 killed civilians', '1 killed civilians']);
  });

  it('lets a finite verb govern over a participle glued after it', () => {
    expect(
      list('The war has killed more than 220000 people wounded at least one million.'),
    ).toEqual(['220000 killed people', '1000000 injured people']);
  });

  it('reads hedged and relative fillers before the verb', () => {
    expect(list('Up to 33 people may have been killed in the strike.')).toEqual([
      '33 killed people',
    ]);
    expect(list('At least 200 people many of whom were civilians were killed.')).toEqual([
      '200 killed people',
    ]);
  });

  it('keeps two incidents of one count apart when told as another', () => {
    expect(
      list(
        'Rockets hit Aleppo\n\nTwo people were killed by a rocket in al-Midan. Later two more people were reported killed in a similar attack on al-Jamiliyeh.',
      ),
    ).toEqual(['2 killed people', '2 killed people']);
  });
});

describe('extractClaims casualties: what is not a figure (issue 13)', () => {
  const list = (text: string) =>
    extractClaims(text).casualties.map((c) => `${c.count} ${c.outcome} ${c.victims}`);

  it('does not count the armed men who did the killing', () => {
    expect(
      list('Three suicide bombers killed at least two people near the police headquarters.'),
    ).toEqual(['2 killed people']);
    expect(list('A suicide bomber killed four people in a hospital on Sunday.')).toEqual([
      '4 killed people',
    ]);
  });

  it('does not read "a terrorist attack" as a victim', () => {
    expect(list('The toll of a terrorist attack near Aleppo rose to 130 people.')).toEqual([
      '130 killed people',
    ]);
  });

  it('does not read the year of a date as a count', () => {
    expect(
      list('August 12 2016 Terrorists executed 40 gunmen who tried to lay down arms.'),
    ).toEqual(['40 killed fighters']);
  });

  it('keeps the verb before the number in a headline ("Kills 3 Wounds 20")', () => {
    expect(list('Rebels Fire Rocket Shells at Damascus Kills 3 Wounds 20')).toEqual([
      '3 killed people',
      '20 injured people',
    ]);
  });

  it('ignores the page furniture after the article', () => {
    expect(
      list(
        'Strikes hit Idlib\n\nFive civilians were killed in Idlib. Source AFP Related News Suicide car bomb kills eight fighters in Daraa Air strike kills 54 in Deir Ezzor',
      ),
    ).toEqual(['5 killed civilians']);
  });
});

describe('extractClaims casualties: nouns, lists and distant verbs (issue 13)', () => {
  const list = (text: string) =>
    extractClaims(text).casualties.map((c) => `${c.count} ${c.outcome} ${c.victims}`);

  it('takes the last of two victim nouns as the head ("rebel fighters", "police officers")', () => {
    expect(list('Five rebel fighters were killed in the clashes.')).toEqual(['5 killed fighters']);
    expect(list('Three police officers were wounded in the blast.')).toEqual([
      '3 injured soldiers',
    ]);
  });

  it('reads a list of singular victims without commas', () => {
    expect(list('The blast killed a nurse a hospital employee and two soldiers.')).toEqual([
      '1 killed civilians',
      '1 killed civilians',
      '2 killed soldiers',
    ]);
  });

  it('reads "were among the victims" and "among Wednesday\'s dead"', () => {
    expect(list('The monitor said 12 children were among the victims of the attack.')).toEqual([
      '12 killed children',
    ]);
    expect(list('He added that a pregnant woman was also among Wednesdays dead.')).toEqual([
      '1 killed women',
    ]);
  });

  it('reads a figure told beside another ("along with eight IS members")', () => {
    expect(
      list(
        'Ten Kurdish fighters were killed in the blast and the gun battle along with eight IS members.',
      ),
    ).toEqual(['10 killed fighters', '8 killed fighters']);
  });

  it('reads a relative clause or "rounded up and" before the verb', () => {
    expect(
      list('Nine members of the alliance who were working in the clinic were killed.'),
    ).toEqual(['9 killed fighters']);
    expect(list('Around 41 rebels were rounded up and executed by the group.')).toEqual([
      '41 killed fighters',
    ]);
  });

  it('reads a toll "as high as"', () => {
    expect(list('An NGO has put the death toll from the conflict at as high as 470000.')).toEqual([
      '470000 killed people',
    ]);
  });
});

describe('extractClaims casualties: gas victims (issue 13)', () => {
  const list = (text: string) =>
    extractClaims(text).casualties.map((c) => `${c.count} ${c.outcome} ${c.victims}`);

  it('reads suffocation as injury', () => {
    expect(list('At least 6 civilians suffer suffocation cases in the attack.')).toEqual([
      '6 injured civilians',
    ]);
    expect(
      list('The shells caused suffocation and dyspnea cases for at least 6 civilians.'),
    ).toEqual(['6 injured civilians']);
  });
});

describe('extractClaims casualties: sustained injuries', () => {
  const list = (text: string) =>
    extractClaims(text).casualties.map((c) => `${c.count} ${c.outcome} ${c.victims}`);

  it('reads "sustained injuries" as injured, also beside the dead', () => {
    expect(list('Twelve people sustained serious injuries in the shelling.')).toEqual([
      '12 injured people',
    ]);
    expect(
      list(
        'The bodies of 10 victims arrived at the hospital along with 41 people who sustained injuries.',
      ),
    ).toEqual(['10 killed people', '41 injured people']);
  });
});

describe('casualty figures: members of a named group', () => {
  it('reads the whole group name before the verb', () => {
    expect(brief('Nine members of the rebel alliance were killed.')).toEqual([
      '9 killed fighters exact',
    ]);
    expect(
      brief(
        'Nine members of the Jaish al-Fateh rebel alliance who were working in the clinic were also killed.',
      ),
    ).toEqual(['9 killed fighters exact']);
  });
});

describe('casualty figures: the same number told of other victims', () => {
  it('keeps armed and unarmed victims of one count apart in the body', () => {
    expect(
      brief(
        'Fighting goes on in Syria\n\nAir strikes killed five civilians in Idlib on Monday. Elsewhere rebels killed five soldiers at a checkpoint.',
      ),
    ).toEqual(['5 killed civilians exact', '5 killed soldiers exact']);
  });

  it('still merges a retelling with the general word', () => {
    expect(
      brief('Air strikes killed seven civilians in Idlib. The seven people died in the market.'),
    ).toHaveLength(1);
  });
});

describe('casualty figures: "N more" is a new figure', () => {
  it('never merges "two more people" into an earlier two', () => {
    expect(
      brief(
        'Four killed including two women in Aleppo\n\nFour people including two women were killed in Aleppo. Later two more people were reported killed in a similar attack.',
      ),
    ).toEqual(['4 killed people exact', '2 killed women exact', '2 killed people exact']);
  });
});

describe('casualty figures: a toll told inverted', () => {
  it('reads "brought to 49 the number killed" and "raised to 120 the death toll"', () => {
    expect(brief('The Observatory said the bombardment brought to 49 the number killed.')).toEqual([
      '49 killed people exact',
    ]);
    expect(brief('The new strikes raised to 120 the death toll in the town.')).toEqual([
      '120 killed people exact',
    ]);
  });
});
