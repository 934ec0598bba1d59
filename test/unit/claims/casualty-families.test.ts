// Casualty figures by pattern family (issue 13 item 7): number forms, outcome words, victim nouns
// and clause shapes, each with short sentences written for the test.

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

const ctx = { outlet: 'Test Wire', publishedAt: '2017-06-08' };

/** "count outcome" of each figure, in order. */
function counts(text: string): string[] {
  return extractClaims(text, ctx).casualties.map((f) => `${f.count} ${f.outcome}`);
}

describe('casualty figures: a round figure beside an exact one', () => {
  it('drops a headline round figure the body states exactly', () => {
    expect(
      counts('Over 40 civilians killed in Idlib raids\n\nAir raids killed 43 civilians in Idlib.'),
    ).toEqual(['43 killed']);
  });

  it('keeps a round figure and an exact one told in the body', () => {
    expect(
      counts(
        'Blast in Hama\n\nA monitor said more than 20 people were wounded in the blast. State television said 22 were wounded.',
      ),
    ).toEqual(['20 injured', '22 injured']);
  });
});

describe('casualty figures: a part of one total and a total of the same count', () => {
  it('keeps "five children" of one toll apart from "five civilians" of another', () => {
    expect(
      counts(
        'Two attacks on Aleppo\n\nShelling killed 24 people including five children in the east of the city. In the west five civilians were killed by a car bomb.',
      ),
    ).toEqual(['24 killed', '5 killed', '5 killed']);
  });
});

describe('casualty figures: parts of two totals', () => {
  it('keeps "a child" of one toll apart from "a child" of another', () => {
    expect(
      counts(
        'Rockets hit Aleppo\n\nSeven civilians were killed among them a child in the morning. Four civilians including a child were killed by a mortar shell in the evening.',
      ),
    ).toEqual(['7 killed', '1 killed', '4 killed', '1 killed']);
  });

  it('still merges the part of one total told twice', () => {
    expect(
      counts(
        'Rockets hit Aleppo\n\nSeven civilians were killed among them a child. A police source said the rockets killed seven civilians including a child.',
      ),
    ).toEqual(['7 killed', '1 killed']);
  });
});

describe('casualty figures: one incident retold by its source', () => {
  it('merges a small count retold after a sentence without figures', () => {
    expect(
      counts(
        'Blast in Hama\n\nThree citizens were killed in a blast near the town. A police source said a device planted in a car went off on a farm road. The source added that the blast claimed the lives of three citizens.',
      ),
    ).toEqual(['3 killed']);
  });

  it('keeps a small count apart when a figure of another incident stands between', () => {
    expect(
      counts(
        'Shelling in Aleppo\n\nThree citizens were killed in a blast near the town. Shells killed two people in the market. The source added that the blast claimed the lives of three citizens.',
      ),
    ).toEqual(['3 killed', '2 killed', '3 killed']);
  });

  it('keeps the figure of "a second attack" apart', () => {
    expect(
      counts(
        'Rockets hit Aleppo\n\nThree children were killed when a rocket hit their school. A second rocket attack hit a house in the old city killing three brothers.',
      ),
    ).toEqual(['3 killed', '3 killed']);
  });
});

describe('casualty figures: coordinated verbs with the commas stripped', () => {
  it('gives "injured 90" its own verb after "killed 30 people"', () => {
    expect(
      counts('Blast at a wedding\n\nA suicide bomber killed 30 people injured 90 on Monday.'),
    ).toEqual(['30 killed', '90 injured']);
    expect(
      counts(
        'Shelling of Homs\n\nThe mortar shells killed eight people injured 12 others and caused damage.',
      ),
    ).toEqual(['8 killed', '12 injured']);
  });

  it('still reads "A woman killed 30 injured" as two figures', () => {
    expect(counts('A woman killed 30 injured in attacks on Deir Ezzor')).toEqual([
      '1 killed',
      '30 injured',
    ]);
  });
});

describe('casualty figures: a part told before its total', () => {
  it('links "two medics were among 31 killed" to its retelling far below', () => {
    const text =
      'Shelling of Douma\n\nTwo medics were among at least 31 people killed on Saturday. The town has been besieged for years. Shells fell on the market. Rescuers dug through the rubble all night. He said at least 31 people were killed including two medics.';
    expect(counts(text)).toEqual(['2 killed', '31 killed']);
    expect(extractClaims(text, ctx).casualties[0]?.subFigureOf).toBe(1);
  });
});

describe('casualty figures: victim nouns', () => {
  it.each([
    ['Two brothers were killed in the raid.', '2 killed'],
    ['Three paramedics were killed.', '3 killed'],
    ['Four rescuers were wounded.', '4 injured'],
    ['Five protesters were killed.', '5 killed'],
    ['Six passengers were hurt.', '6 injured'],
    ['The sniper killed a shepherd.', '1 killed'],
    ['Seven detainees died under torture.', '7 killed'],
    ['Eight hostages were executed.', '8 killed'],
    ['Nine displaced people were killed when a shell hit the camp.', '9 killed'],
    ['The strike killed ten refugees.', '10 killed'],
  ])('%s', (sentence, figure) => {
    expect(counts(`Title\n\n${sentence}`)).toEqual([figure]);
  });

  it('does not count refugees, detainees or hostages without a verb of harm', () => {
    expect(counts('Title\n\nThe camp holds 20000 refugees and 300 displaced families.')).toEqual(
      [],
    );
    expect(counts('Title\n\nThe group freed 30 hostages and released 12 detainees.')).toEqual([]);
  });
});

describe('casualty figures: outcome words', () => {
  it.each([
    ['Three journalists were shot dead.', '3 killed'],
    ['Two policemen were gunned down.', '2 killed'],
    ['Twelve people succumbed to their wounds.', '12 killed'],
    ['Three ISIS terrorists were eliminated.', '3 killed'],
    ['Those killed included seven civilians.', '7 killed'],
    ['The wounded included five women.', '5 injured'],
    ['The victims were 11 civilians.', '11 killed'],
    ['The blast kills 7 injures 25.', '7 killed|25 injured'],
  ])('%s', (sentence, figures) => {
    expect(counts(`Title\n\n${sentence}`).join('|')).toBe(figures);
  });

  it('leaves one count of two outcomes alone ("killed and injured five")', () => {
    expect(counts('Title\n\nRockets killed and injured five civilians.')).toEqual([]);
    expect(counts('Mortar attack kills injures over 70 people')).toEqual([]);
    expect(counts('Title\n\nThe militants killed and crucified five civilians.')).toEqual([
      '5 killed',
    ]);
  });
});

describe('casualty figures: relatives told beside another victim', () => {
  it.each([
    ['An airstrike killed a woman and her three children.', '1 killed|3 killed'],
    ['A father and his two sons were killed.', '1 killed|2 killed'],
    ['The raid killed a man and his son.', '1 killed|1 killed'],
    ['A woman and child were killed.', '1 killed|1 killed'],
    ['A woman and her baby were wounded.', '1 injured|1 injured'],
  ])('%s', (sentence, figures) => {
    expect(counts(`Title\n\n${sentence}`).join('|')).toBe(figures);
  });

  it('does not count a relative told with no harm', () => {
    expect(counts('Title\n\nA woman and her son fled to Turkey.')).toEqual([]);
  });
});

describe('casualty figures: "a family of N"', () => {
  it.each([
    ['The raid killed a family of five.', '5 killed'],
    ['An entire family of six was killed in the raid.', '6 killed'],
  ])('%s', (sentence, figure) => {
    expect(counts(`Title\n\n${sentence}`)).toEqual([figure]);
  });

  it('does not count a family told with no harm', () => {
    expect(counts('Title\n\nA family of seven fled the town.')).toEqual([]);
  });
});

describe('casualty figures: a source told inside the figure', () => {
  it.each([
    ['Shells hit the market killing according to the latest toll 44 civilians.', '44 killed'],
    ['Up to 90 people according to one report were killed.', '90 killed'],
    ['Hundreds of people - up to 1400 according to one estimate - were killed.', '1400 killed'],
  ])('%s', (sentence, figure) => {
    expect(counts(`Title\n\n${sentence}`)).toEqual([figure]);
  });
});

describe('casualty figures: verbs said of armed men only', () => {
  it.each([
    ['The army destroyed over 60 terrorists.', '60 killed'],
    ['Troops liquidated 25 militants near the border.', '25 killed'],
  ])('%s', (sentence, figure) => {
    expect(counts(`Title\n\n${sentence}`)).toEqual([figure]);
  });

  it('does not count things destroyed', () => {
    expect(counts('Title\n\nThe jets destroyed 23 terrorist targets and 6 positions.')).toEqual([]);
    expect(counts('Title\n\nThe shelling destroyed 14 homes.')).toEqual([]);
    expect(counts('Title\n\nThe strikes destroyed five rebel positions.')).toEqual([]);
  });
});

describe('casualty figures: a part of a total told without a number', () => {
  it.each([
    ['Dozens were killed including 12 children.', '12 killed'],
    ['Scores were wounded including 12 children.', '12 injured'],
    ['Air strikes killed dozens of people including 12 children.', '12 killed'],
    [
      'Hundreds of civilians were wounded among them 40 women and 12 children.',
      '40 injured|12 injured',
    ],
  ])('%s', (sentence, figures) => {
    expect(counts(`Title\n\n${sentence}`).join('|')).toBe(figures);
  });

  it('does not count the part of a vague number that suffered no harm', () => {
    expect(counts('Title\n\nDozens of fighters joined the group including 12 foreigners.')).toEqual(
      [],
    );
  });
});

describe('casualty figures: "of which N were children"', () => {
  it('reads the part and keeps the total its own victims', () => {
    const found = extractClaims(
      'Title\n\nThe strike killed 30 people of whom 12 were children.',
      ctx,
    ).casualties.map((f) => `${f.count} ${f.outcome} ${f.victims}`);
    expect(found).toEqual(['30 killed people', '12 killed children']);
  });

  it.each([
    ['The hospital received 50 bodies of which at least 20 were children.', '50 killed|20 killed'],
    ['Of the dead 12 were women.', '12 killed'],
    ['Of the wounded 40 were children.', '40 injured'],
  ])('%s', (sentence, figures) => {
    expect(counts(`Title\n\n${sentence}`).join('|')).toBe(figures);
  });
});

describe('casualty figures: one count told of two classes of victims', () => {
  it('keeps "six children" and "six teachers" of the body apart', () => {
    expect(
      counts(
        'School attack\n\nAt least six children were killed in the morning. Later UNICEF said 22 children had been killed along with six teachers in the strike on the school.',
      ),
    ).toEqual(['6 killed', '22 killed', '6 killed']);
  });
});

describe('casualty figures: more outcome shapes', () => {
  it.each([
    ['More than 120 militants have been killed over the past day.', '120 killed'],
    ['More than 120 militants have been eliminated over the past day.', '120 killed'],
    ['The blast led to the martyrdom of 4 citizens.', '4 killed'],
    [
      'The attack resulted in the martyrdom of 4 civilians and the injury of 9 others.',
      '4 killed|9 injured',
    ],
    ['Four people were treated for injuries.', '4 injured'],
    ['Four people were taken to hospital with wounds.', '4 injured'],
    ['Four people were treated for breathing problems.', '4 injured'],
    ['Four soldiers remain missing.', '4 missing'],
    ['Four soldiers went missing.', '4 missing'],
    ['Seven of the victims were children.', '7 killed'],
    ['The shells caused cases of asphyxiation to more than 35 people.', '35 injured'],
  ])('%s', (sentence, figures) => {
    expect(counts(`Title\n\n${sentence}`).join('|')).toBe(figures);
  });

  it('still reads armed men as the ones who kill in the active voice', () => {
    expect(counts('Title\n\nThree suicide bombers killed at least two people.')).toEqual([
      '2 killed',
    ]);
  });

  it('does not count people taken to hospital for no harm', () => {
    expect(counts('Title\n\nFour people were hospitalized.')).toEqual([]);
  });
});

describe('casualty figures: "a member of X"', () => {
  it('counts one member of a plural group', () => {
    expect(
      counts(
        'Title\n\nThe shells injured three visitors in addition to a member of the security forces.',
      ),
    ).toEqual(['3 injured', '1 injured']);
    expect(counts('Title\n\nA member of the rebel factions was killed.')).toEqual(['1 killed']);
  });
});

describe('casualty figures: missing people', () => {
  it.each([
    ['The fate of at least eight members of staff is still unknown.', '8 missing'],
    ['The fate of four soldiers remains unknown.', '4 missing'],
    ['Three fishermen are still missing.', '3 missing'],
  ])('%s', (sentence, figure) => {
    expect(counts(`Title\n\n${sentence}`)).toEqual([figure]);
  });

  it('does not read an unknown number as missing people', () => {
    expect(counts('Title\n\nThe fate of the talks is unknown.')).toEqual([]);
  });
});

describe('casualty figures: "the number of X killed ... has risen to N"', () => {
  it('reads a long clause between the victims and the new toll', () => {
    expect(
      counts(
        'The number of people killed by the rebel rocket attack on the northern suburb of Hama city has risen to 17 in the last hours.',
      ),
    ).toEqual(['17 killed']);
  });

  it('does not run the number on into another clause ("... and two of their tanks")', () => {
    expect(
      counts(
        'The army said a number of fighters were killed in the raid and one of their trucks was destroyed in addition to two of their tanks.',
      ),
    ).toEqual([]);
  });
});

describe('a sub-figure set off by commas', () => {
  it('gives the total its verb after the closing comma, and the part its own', () => {
    const figures = extractClaims(
      'At least 12 people, including five children, were killed in the raid.',
      {},
    ).casualties.map(
      (c) => `${c.qualifier} ${c.count} ${c.outcome} ${c.victims} ${c.subFigureOf ?? '-'}`,
    );
    expect(figures).toEqual(['at_least 12 killed people -', 'exact 5 killed children 0']);
  });
});

describe('an aside between the victims and their verb', () => {
  it('still gives the figure its verb', () => {
    const figures = extractClaims(
      'Twelve civilians, all from one family, were killed.',
      {},
    ).casualties;
    expect(figures.map((c) => `${c.count} ${c.outcome} ${c.victims}`)).toEqual([
      '12 killed civilians',
    ]);
  });
});
