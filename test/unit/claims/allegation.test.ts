import { describe, expect, it } from 'vitest';
import {
  allegationFrom,
  allegationProblems,
  blameAllegation,
  cleanPhrase,
  gerund,
  harmAllegation,
  quoteOf,
} from '../../../shared/claims/allegation.ts';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

describe('allegationProblems (rule 2 of issue 13)', () => {
  it('accepts a clean verb phrase', () => {
    expect(allegationProblems('killing 43 civilians in Raqqa')).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(allegationProblems(', killing civilians')).toContain('starts with punctuation');
    expect(allegationProblems('and the coalition as fast as possible')).toContain(
      'starts with a conjunction',
    );
    expect(allegationProblems('have caused damage to civilian infrastructure in')).toContain(
      'ends in a preposition, article or conjunction',
    );
    expect(allegationProblems('calling it a "massacre')).toContain('unbalanced quotation marks');
    expect(allegationProblems('  ')).toEqual(['empty']);
  });
});

describe('cleanPhrase', () => {
  it('cuts at the clause boundary and trims junk at both ends', () => {
    expect(cleanPhrase(' and bombed the town of Saraqib, the Observatory said')).toBe(
      'bombed the town of Saraqib',
    );
    expect(
      cleanPhrase('in Raqqa have caused significant damage to civilian infrastructure in'),
    ).toBe('in Raqqa have caused significant damage to civilian infrastructure');
  });

  it('drops quotation marks rather than leave one unbalanced', () => {
    expect(cleanPhrase('"targeted children in their schools deliberately')).toBe(
      'targeted children in their schools deliberately',
    );
  });

  it('keeps at most the given number of words, never ending on a preposition', () => {
    expect(cleanPhrase('shelling the old city of Homs with rockets for the third day', 6)).toBe(
      'shelling the old city of Homs',
    );
  });

  it('drops the phrase a word limit cut open ("against Syrian [forces]")', () => {
    expect(
      cleanPhrase('carrying out four air strikes today against rebel forces in the east', 8),
    ).toBe('carrying out four air strikes');
    expect(cleanPhrase('refusing to share its data on the armed groups it fights', 8)).toBe(
      'refusing to share its data',
    );
  });

  it('returns nothing when nothing clean is left', () => {
    expect(cleanPhrase('. and of the')).toBe('');
  });
});

describe('gerund', () => {
  it('makes the -ing form of regular and common irregular verbs', () => {
    expect(
      ['killed', 'dropped', 'used', 'fired', 'struck', 'hit', 'bombing', 'carried'].map(gerund),
    ).toEqual([
      'killing',
      'dropping',
      'using',
      'firing',
      'striking',
      'hitting',
      'bombing',
      'carrying',
    ]);
    expect(gerund('civilians')).toBeNull();
  });
});

describe('quoteOf', () => {
  it('returns a short sentence whole', () => {
    expect(quoteOf(' Jets struck the town. ', 1, 5)).toBe('Jets struck the town.');
  });

  it('returns the clause of a long sentence, on word boundaries', () => {
    const pad = 'word '.repeat(70).trim();
    const s = `${pad}, the strike killed nine people in the camp, ${pad}.`;
    const from = s.indexOf('killed');
    expect(quoteOf(s, from, from + 6)).toBe('the strike killed nine people in the camp');
  });

  it('keeps whole words around the claim when a long sentence has no clause break', () => {
    const s = `${'alpha '.repeat(60)}the strike killed nine people ${'omega '.repeat(60)}`.trim();
    const from = s.indexOf('killed');
    const q = quoteOf(s, from, from + 6);
    expect(q.length).toBeLessThanOrEqual(s.length);
    expect(q).toContain('the strike killed nine people');
    expect(s.split(' ')).toEqual(expect.arrayContaining(q.split(' ')));
  });
});

describe('harmAllegation: words that name no wrong are no allegation', () => {
  const allegationAfter = (s: string, name: string): string =>
    harmAllegation(s, s.indexOf(name) + name.length);

  it('takes the harm and its place over the words that follow the perpetrator', () => {
    expect(
      allegationAfter(
        'Air raids on the market in Idlib were carried out by the regime and its allies.',
        'regime',
      ),
    ).toBe('air raids on the market in Idlib');
    expect(
      allegationAfter(
        'Monitors said the shelling of Rastan came from regime forces on Sunday.',
        'regime forces',
      ),
    ).toBe('shelling in Rastan');
  });

  it('keeps the words that follow when they tell the wrong', () => {
    expect(
      allegationAfter('The strike hit a hospital that the army had shelled twice before.', 'army'),
    ).toBe('shelling twice');
    expect(
      allegationAfter(
        'They said the coalition was responsible for the attack on the farm.',
        'coalition',
      ),
    ).toBe('being responsible for the attack on the farm');
  });

  it('keeps them, too, when the sentence names no harm to fall back on', () => {
    expect(
      allegationAfter(
        'Ankara sees the Kurdish militia presence along its border as a threat.',
        'militia',
      ),
    ).toBe('presence along its border as a threat');
  });
});

describe('harmAllegation: the harm with what it hit, the figure said once', () => {
  const allegationAfter = (s: string, name: string): string =>
    harmAllegation(s, s.indexOf(name) + name.length);

  it('keeps the target of the harm noun, not a time or an agent', () => {
    expect(allegationAfter('A strike on a bakery was carried out by the army.', 'army')).toBe(
      'strike on a bakery',
    );
    expect(allegationAfter('The attack on Sunday was the work of the militia.', 'militia')).toBe(
      'attack',
    );
    expect(allegationAfter('The shelling on Homs by the army went on.', 'army')).toBe(
      'shelling on Homs',
    );
  });

  it('ends the target where a second noun phrase starts', () => {
    expect(allegationAfter('Raids on Hama the monitors said were the regime.', 'regime')).toBe(
      'raids on Hama',
    );
  });

  it('does not repeat the outcome after the figure', () => {
    expect(
      allegationAfter('The militia launched an assault on the town, leaving 12 dead.', 'militia'),
    ).toBe('assault on the town killing 12 people');
  });
});

describe('blameAllegation: what an anaphoric blame points back to', () => {
  const blameAfter = (s: string, name: string, before: string[] = []): string =>
    blameAllegation(s, s.indexOf(name) + name.length, before);

  it('takes the harm of the sentence before when this one names none', () => {
    expect(
      blameAfter('The army blamed it on the militia.', 'militia', [
        'A car bomb killed nine people in Homs.',
      ]),
    ).toBe('car bomb killing nine people in Homs');
  });

  it('looks further back past a sentence that names only a bare noun', () => {
    expect(
      blameAfter('The ministry blamed the rebels for the attack.', 'rebels', [
        'No group claimed the attack.',
        'Mortar fire wounded six people in Latakia.',
      ]),
    ).toBe('mortar fire wounding six people in Latakia');
  });

  it('keeps a harm the sentence itself names beside the blame', () => {
    expect(
      blameAfter(
        'The envoy spoke of the chemical weapon use which Paris blames on the army.',
        'army',
        ['A car bomb killed nine people in Homs.'],
      ),
    ).toBe('chemical weapon use');
  });

  it('reads no "for" of an aside as what is blamed', () => {
    expect(
      blameAfter(
        'The ministry blamed "extremists" - its term for all armed groups.',
        'extremists"',
        ['Rockets damaged a school in Aleppo.'],
      ),
    ).toBe('rockets damaging a school in Aleppo');
  });

  it('takes the verb of the accused when no "of" or "for" follows', () => {
    expect(
      blameAfter('They repeated accusations that Ankara was arming the group.', 'Ankara'),
    ).toBe('arming the group');
  });
});

describe('harmAllegation: what follows the perpetrator is not always what it did', () => {
  const allegationAfter = (s: string, name: string): string =>
    harmAllegation(s, s.indexOf(name) + name.length);

  it('takes the harm before a passive agent', () => {
    expect(
      allegationAfter(
        'The raid on the bakery was carried out by the air force which operates in support of the army.',
        'air force',
      ),
    ).toBe('raid on the bakery');
  });

  it('skips the names joined to the perpetrator and an aside on its name', () => {
    expect(
      allegationAfter(
        'Monitors named the regime and its allies, which shelled the town.',
        'regime',
      ),
    ).toBe('shelled the town');
    expect(
      allegationAfter(
        'The shelling was blamed on "bandits" - a term it uses for all foes.',
        'bandits',
      ),
    ).toBe('shelling');
  });

  it('reads no attribution as the verb of the perpetrator', () => {
    expect(
      allegationAfter('A blast hit the port, caused by the rebels according to sources.', 'rebels'),
    ).toBe('blast');
  });
});

describe('cleanPhrase: attributions', () => {
  it('leaves nothing of a phrase that opens with an attribution', () => {
    expect(cleanPhrase('according to local sources')).toBe('');
  });

  it('drops the speaker joined before a verb of speech', () => {
    expect(cleanPhrase('starving the town to break the rebels and the mayor says it is dire')).toBe(
      'starving the town to break the rebels',
    );
  });
});

describe('harmAllegation: verbs and nouns of harm', () => {
  const allegationAfter = (s: string, name: string): string =>
    harmAllegation(s, s.indexOf(name) + name.length);

  it("reads the perpetrator's aircraft or troops as the perpetrator", () => {
    expect(allegationAfter('Regime warplanes bombed a clinic in the town.', 'Regime')).toBe(
      'bombing a clinic in the town',
    );
  });

  it("reads a headline's present tense when the verb is no noun", () => {
    expect(allegationAfter('Militia Gunmen Kill Farmers Near Homs', 'Militia')).toBe(
      'killing Farmers Near Homs',
    );
    expect(allegationAfter('Army Strikes Back at the Rebels', 'Army')).not.toMatch(/^striking/);
  });

  it('reads the verb of a cleft or relative clause on the perpetrator', () => {
    expect(allegationAfter('They said it was the militia that used toxic gas.', 'militia')).toBe(
      'using toxic gas',
    );
  });

  it('names a compound harm whole', () => {
    expect(allegationAfter('A drone strike on a school was blamed on the army.', 'army')).toBe(
      'drone strike on a school',
    );
    expect(allegationAfter('The poison gas attack was the work of the regime.', 'regime')).toBe(
      'poison gas attack',
    );
  });

  it('takes no harm from another clause before a passive agent', () => {
    expect(
      allegationAfter(
        'Shelling went on as the mayor said the town was encircled by the militia.',
        'militia',
      ),
    ).toBe('shelling');
  });
});

describe('cleanPhrase: words that need what the cut left out', () => {
  it('drops a word bound to the "of" or "to" after it', () => {
    expect(cleanPhrase('killing dozens of soldiers south of Hama on the road', 6)).toBe(
      'killing dozens of soldiers',
    );
    expect(cleanPhrase('preventing people from leaving in order to use them as shields')).toBe(
      'preventing people from leaving',
    );
  });

  it('ends the clause at "where" and at "saying"', () => {
    expect(cleanPhrase('targeted wells where people had gathered')).toBe('targeted wells');
    expect(cleanPhrase('backing the militias saying it wants chaos')).toBe('backing the militias');
  });

  it('trims an adverb left hanging at the end', () => {
    expect(cleanPhrase('the offensive began right after the raid')).toBe('the offensive began');
  });
});

describe('blameAllegation: passive blame and responsibility for an anaphoric harm', () => {
  const blameAfter = (s: string, name: string, before: string[] = []): string =>
    blameAllegation(s, s.indexOf(name) + name.length, before);

  it('reads what a passive verb of blame is for', () => {
    expect(
      blameAfter('The militia has been condemned by monitors for shelling a clinic.', 'militia'),
    ).toBe('shelling a clinic');
  });

  it('reads "responsibility for the attack" as the attack the story told', () => {
    expect(
      blameAfter('Many states accused the army of responsibility for the attack.', 'army', [
        'A car bomb killed nine people in Homs.',
      ]),
    ).toBe('car bomb killing nine people in Homs');
  });

  it('ends the phrase at "though"', () => {
    expect(
      blameAfter('Monitors accused the army of shelling Homs though it denied it.', 'army'),
    ).toBe('shelling Homs');
  });
});

describe('harmAllegation and allegationFrom: more shapes', () => {
  it('takes what mutual blame is for, without its preposition', () => {
    const s = 'The two sides blamed each other for shelling the market.';
    expect(allegationFrom(s, s.indexOf('other') + 5)).toBe('shelling the market');
  });

  it('reads a quoted verb after the perpetrator and nerve gas as a harm', () => {
    const s = 'The group said regime jets "bombed homes" at night.';
    expect(harmAllegation(s, s.indexOf('regime') + 6)).toBe('bombing homes');
    const g = 'The victims were killed by sarin nerve gas dropped by the air force.';
    expect(harmAllegation(g, g.length - 1)).toBe('sarin nerve gas');
  });
});

describe('cleanPhrase: times and "since"', () => {
  it('drops a time at the end', () => {
    expect(cleanPhrase('shelling the town overnight')).toBe('shelling the town');
    expect(cleanPhrase('gas attacks in the past')).toBe('gas attacks');
  });

  it('ends the clause at "since", leaving nothing when the phrase opens with it', () => {
    expect(cleanPhrase('shelling the town since the truce began')).toBe('shelling the town');
    expect(cleanPhrase('since it came into force')).toBe('');
  });
});

describe('harmAllegation: a definite bare harm points back', () => {
  const before = ['A car bomb killed nine people in Homs.'];

  it('takes the harm a sentence before told for "the attack"', () => {
    const s = 'The attack was likely carried out by the militia.';
    expect(harmAllegation(s, s.indexOf('militia') + 7, { before })).toBe(
      'car bomb killing nine people in Homs',
    );
  });

  it('keeps an indefinite harm, and words that follow the perpetrator', () => {
    const s = 'An attack was likely carried out by the militia.';
    expect(harmAllegation(s, s.indexOf('militia') + 7, { before })).toBe('attack');
    const p = 'Ankara sees the militia presence along its border as a threat.';
    expect(harmAllegation(p, p.indexOf('militia') + 7, { before })).toBe(
      'presence along its border as a threat',
    );
  });
});

describe('harmAllegation: a quoted sentence after the perpetrator', () => {
  it('is no allegation, even behind its quotation mark', () => {
    const s = 'Officials named the regime "All the evidence points that way" and left.';
    expect(harmAllegation(s, s.indexOf('regime') + 6)).toBe('harm');
  });
});

describe('blameAllegation: the noun pointed to with the outcome told before', () => {
  it('names what killed them', () => {
    const s = 'The ministry blamed the rebels for the massacre.';
    expect(
      blameAllegation(s, s.indexOf('rebels') + 6, ['At least 12 villagers were killed on Monday.']),
    ).toBe('massacre killing at least 12 villagers');
  });
});

describe('harmAllegation: a passive turned active, and a headline figure', () => {
  const allegationAfter = (s: string, name: string): string =>
    harmAllegation(s, s.indexOf(name) + name.length);

  it('turns "positions were hit by X" into what X did', () => {
    expect(
      allegationAfter('The push began after army positions were hit by the militia.', 'militia'),
    ).toBe('hitting army positions');
  });

  it('takes no pronoun as what was hit', () => {
    expect(
      allegationAfter('Monitors said they were targeted by the militia.', 'militia'),
    ).not.toMatch(/they/);
  });

  it("lower-cases a headline's victims and reads suicide bombers as the perpetrator", () => {
    expect(allegationAfter('Militia Shelling Kills 12 Civilians in Homs', 'Militia')).toBe(
      'shelling killing 12 civilians in Homs',
    );
    expect(allegationAfter('The militia suicide bombers attacked a checkpoint.', 'militia')).toBe(
      'attacking a checkpoint',
    );
  });
});

describe('harmAllegation: the verb before a figure and compound shells', () => {
  it("keeps the sentence's own verb before its figure", () => {
    expect(harmAllegation('The militia executed at least 12 prisoners in Homs.', 0)).toBe(
      'executing at least 12 prisoners in Homs',
    );
    expect(harmAllegation('Gunmen kidnapped 12 villagers near Homs.', 0)).toBe(
      'kidnapping 12 villagers near Homs',
    );
  });

  it('names mortar shell attacks whole', () => {
    const s = 'Mortar shell attacks on Homs were blamed on the militia.';
    expect(harmAllegation(s, s.length - 1)).toBe('mortar shell attacks on Homs');
  });

  it('reads "the suspected airstrike" as pointing back', () => {
    const s = 'The suspected coalition airstrike drew protests from the ministry.';
    expect(
      harmAllegation(s, s.indexOf('ministry') + 8, {
        before: ['A car bomb killed nine people in Homs.'],
      }),
    ).toBe('car bomb killing nine people in Homs');
  });
});

describe('more clause shapes', () => {
  it('reads "was responsible for that attack" as the attack told before', () => {
    const s = 'Monitors said the militia was responsible for that attack.';
    expect(
      harmAllegation(s, s.indexOf('militia') + 7, {
        before: ['A car bomb killed nine people in Homs.'],
      }),
    ).toBe('car bomb killing nine people in Homs');
  });

  it('drops a verb left waiting for its "to"', () => {
    expect(cleanPhrase('shelling the town and refuses to let aid in', 6)).toBe('shelling the town');
  });

  it("cuts another subject's past tense joined to a gerund, and joins two past tenses", () => {
    expect(cleanPhrase('being behind the raid and fired rockets at the base')).toBe(
      'being behind the raid',
    );
    const s = 'Monitors said the militia killed and wounded dozens of people.';
    expect(harmAllegation(s, s.indexOf('militia') + 7)).toBe(
      'killing and wounding dozens of people',
    );
  });
});

describe("harmAllegation: a headline's harm noun and present verb", () => {
  it('reads "Hit" after a harm noun as the verb', () => {
    const s = 'Militia Rockets Hit School in Homs';
    expect(harmAllegation(s, s.indexOf('Militia') + 7)).toBe('rockets hitting School in Homs');
  });
});

describe('harmAllegation: crimes, campaigns and headline targets', () => {
  it('names crimes, an onslaught or a use of weapons as the harm', () => {
    const s = 'The panel condemned the war crimes committed by the militia.';
    expect(harmAllegation(s, s.indexOf('militia') + 7)).toBe('war crimes');
    const u = 'Envoy Calls for Action to Stop the Use of Banned Weapons by the Militia';
    expect(harmAllegation(u, u.length)).toBe('use of banned weapons');
  });

  it("ends a headline's target at its capitalised verb", () => {
    const s = 'Militia Onslaught on Homs Failed to Break the City';
    expect(harmAllegation(s, s.indexOf('Militia') + 7)).toBe('onslaught on Homs');
  });
});

describe('cleanPhrase and harmAllegation: a day inside, regimes as perpetrators', () => {
  it('drops a day inside the phrase', () => {
    expect(cleanPhrase('targeted on Sunday the old market of Homs')).toBe(
      'targeted the old market of Homs',
    );
  });

  it('reads "X regimes targeted" as what X did', () => {
    const s = 'Groups backed by the Gulf regimes targeted the town.';
    expect(harmAllegation(s, s.indexOf('Gulf') + 4)).toBe('targeting the town');
  });

  it('drops an attempt left waiting for its "to"', () => {
    expect(cleanPhrase('using chlorine gas during an attempt to storm the town', 6)).toBe(
      'using chlorine gas',
    );
  });
});

describe('harmAllegation: "under attack" points back', () => {
  it('takes the harm told before for a town under attack by the perpetrator', () => {
    const s = 'The town was under attack by the militia at the time.';
    expect(
      harmAllegation(s, s.indexOf('militia') + 7, {
        before: ['A car bomb killed nine people in Homs.'],
      }),
    ).toBe('car bomb killing nine people in Homs');
  });
});

describe('allegations of a harm the accused owns', () => {
  const allegations = (text: string): string[] =>
    extractClaims(text, {}).accusations.map((a) => a.allegation);

  it('keeps the harm noun whose "of" names its victims or target', () => {
    expect(
      allegations("Iran condemned the coalition's massacre of civilians in al-Tabqa."),
    ).toEqual(['massacre of civilians in al-Tabqa']);
    expect(allegations("Iran condemned the coalition's bombing of a school in al-Tabqa.")).toEqual([
      'bombing of a school in al-Tabqa',
    ]);
  });

  it('reads aggression and killings as harm nouns, and a speaking capital as no place of it', () => {
    expect(
      allegations('Damascus condemned the American aggression on Syrian army positions.'),
    ).toEqual(['aggression on Syrian army positions']);
    expect(
      allegations(
        'Damascus condemned the American aggression on Syrian army positions in Damascus.',
      ),
    ).toEqual(['aggression on Syrian army positions in Damascus']);
  });

  it('still reads "accused X of" as the blame\'s own "of"', () => {
    expect(allegations('Russia accused the coalition of killing civilians in Raqqa.')).toEqual([
      'killing civilians in Raqqa',
    ]);
  });
});

describe('allegations: a harm noun the figure verb already names', () => {
  it('says "killing 30 civilians", not "killings killing 30 civilians"', () => {
    const found = extractClaims(
      'The Observatory said on Monday that 30 civilians were killed. The monitor blamed Islamic State fighters for the killings.',
      {},
    ).accusations;
    expect(found.map((a) => a.allegation)).toEqual(['killing 30 civilians']);
  });
});

describe('cleanPhrase: a quotation closed after a comma', () => {
  it('ends the phrase at the comma before the closing mark', () => {
    expect(cleanPhrase('bombing the town all night," the Observatory said')).toBe(
      'bombing the town all night',
    );
    expect(cleanPhrase('bombing the town all night,” said Rami Abdel Rahman')).toBe(
      'bombing the town all night',
    );
  });
});

describe('cleanPhrase: the verdict on a claim ends it', () => {
  it('cuts "bombed a hospital were false" before the verdict', () => {
    expect(cleanPhrase('bombing a hospital were false')).toBe('bombing a hospital');
    expect(cleanPhrase('shelling the camp is completely untrue, Ankara said')).toBe(
      'shelling the camp',
    );
  });
});

describe('allegations with commas', () => {
  const allegations = (text: string): string[] =>
    extractClaims(text, {}).accusations.map((a) => `${a.accuser}>${a.accused} ${a.allegation}`);

  it('read past an aside after the perpetrator or its auxiliary', () => {
    expect(
      allegations(
        'Hezbollah, the Lebanese Shiite movement, fired rockets at the town, the Observatory said.',
      ),
    ).toEqual(['sohr>hezbollah firing rockets at the town']);
    expect(
      allegations(
        'According to the UN, the regime has, for months, blocked aid convoys to Madaya.',
      ),
    ).toEqual(['un>syria_gov blocking aid convoys to Madaya']);
  });

  it('take the passive subject after the verb of speech, and not the speaker as a second doer', () => {
    expect(allegations('Activists said the convoy was bombed by regime helicopters.')).toEqual([
      'other>syria_gov bombing convoy',
    ]);
    expect(allegations('Syrian Army positions were hit by the coalition, Russia said.')).toEqual([
      'russia>coalition hitting Syrian Army positions',
    ]);
  });

  it('read a year set off by a comma as a date, not as victims before the perpetrator', () => {
    expect(
      allegations('In 2017, coalition jets bombed a school in Raqqa, the Observatory said.'),
    ).toEqual(['sohr>coalition bombing a school in Raqqa']);
  });
});
