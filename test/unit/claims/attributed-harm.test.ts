// Accusations as attributed harm (issue 13 item 1): a harm, its perpetrator and who says so, one
// family of sentence shapes per block. Every sentence is written for the test.

import { describe, expect, it } from 'vitest';
import { findActors } from '../../../shared/claims/actors.ts';
import { analyseArticle } from '../../../shared/claims/article-analysis.ts';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import { findSpeakers, isPhotoCredit } from '../../../shared/claims/speakers.ts';
import type { ArticleContext } from '../../../shared/domain/claims.ts';

function pairs(text: string, ctx: ArticleContext = {}): string[] {
  return extractClaims(text, ctx).accusations.map((a) => `${a.accuser}>${a.accused}`);
}

describe('attributed harm: speakers the gazetteer does not name', () => {
  it('reads witnesses, observers and unnamed sources as "other"', () => {
    expect(pairs('Eyewitnesses said the regime dropped barrel bombs on the market.')).toEqual([
      'other>syria_gov',
    ]);
    expect(
      pairs(
        'Shells fired by opposition groups hit the western districts killing four people, observers said.',
      ),
    ).toEqual(['other>rebels']);
    expect(
      pairs('An informed source in Hama told the agency that US warplanes killed six civilians.'),
    ).toEqual(['other>us']);
  });

  it('reads a named outlet as media', () => {
    expect(
      pairs(
        'Regime airstrikes killed 12 civilians in Douma on Monday, Ghouta Live Network reported.',
      ),
    ).toEqual(['media>syria_gov']);
    expect(
      pairs('Coalition aircraft bombed a school near Raqqa killing nine people, Sputnik reported.'),
    ).toEqual(['media>coalition']);
  });

  it('reads an unnamed monitor as the Syrian Observatory', () => {
    expect(pairs('Government shelling killed eight people in Douma, a monitor said.')).toEqual([
      'sohr>syria_gov',
    ]);
    expect(
      pairs('Rebel rocket fire wounded 14 people in Aleppo, the monitoring group said.'),
    ).toEqual(['sohr>rebels']);
  });

  it('reads a named person or group quoted "as saying"', () => {
    expect(
      pairs(
        'The agency quoted residents as saying that IS militants beheaded two men in the square.',
      ),
    ).toEqual(['other>isis']);
  });

  it('takes the subject of a later "but said" as the speaker', () => {
    expect(
      pairs(
        'The Observatory could not confirm the toll but said the raid was likely carried out by Russian jets.',
      ),
    ).toEqual(['sohr>russia']);
  });

  it('prefers the party that spoke over the outlet that relayed it', () => {
    expect(
      pairs(
        'The terrorists used chemical weapons against civilians in Aleppo, Lavrov said according to Press TV.',
      ),
    ).toEqual(['russia>rebels']);
  });
});

describe('attributed harm: perpetrators', () => {
  it('reads names that carry the harm ("government airstrikes", "Syrian strikes", "Rebel fire")', () => {
    expect(pairs('Government airstrikes killed 15 people in Idlib, the Observatory said.')).toEqual(
      ['sohr>syria_gov'],
    );
    expect(
      pairs(
        'Heavy Russian and Syrian strikes killed 25 civilians in Aleppo, the Observatory said.',
      ),
    ).toEqual(['sohr>russia', 'sohr>syria_gov']);
    expect(pairs('Rebel fire on Damascus wounded 22 people, the Observatory said.')).toEqual([
      'sohr>rebels',
    ]);
  });

  it('shares one verb among coordinated names', () => {
    expect(
      pairs(
        'The Assad regime - along with Russian forces - have heavily bombed the province killing scores of civilians according to the Observatory.',
      ),
    ).toEqual(['sohr>syria_gov', 'sohr>russia']);
    expect(
      pairs(
        'Activists said 20 civilians were killed in aerial bombing of Aleppo on Friday by regime and Russian forces.',
      ),
    ).toEqual(['other>syria_gov', 'other>russia']);
  });

  it('reads a time phrase or an adverb between the perpetrator and its verb', () => {
    expect(
      pairs('Activists said the regime and Russian jets on Friday raided towns in eastern Ghouta.'),
    ).toEqual(['other>syria_gov', 'other>russia']);
    expect(
      pairs(
        'Rebel groups meanwhile have fired rockets into Damascus killing 16, the Observatory said.',
      ),
    ).toEqual(['sohr>rebels']);
  });

  it('reads a passive agent far from its verb', () => {
    expect(
      pairs(
        'The Observatory said 14 residents of the village were killed including seven women by the insurgents.',
      ),
    ).toEqual(['sohr>rebels']);
  });

  it('reads "believed to be X", "strikes of X" and "X belonged to"', () => {
    expect(
      pairs(
        'Jets believed to be Russian killed at least 60 civilians near the river, the Observatory said.',
      ),
    ).toEqual(['sohr>russia']);
    expect(
      pairs(
        'An airstrike of the US-led coalition killed eight civilians in Tabqa, local media said.',
      ),
    ).toEqual(['media>coalition']);
    expect(pairs('Moscow said the poison gas used in the attack belonged to rebels.')).toEqual([
      'russia>rebels',
    ]);
  });

  it('reads armed men of a named group ("terrorists affiliated with Nusra fired")', () => {
    expect(
      pairs(
        'Terrorists affiliated with Jabhat al-Nusra fired rocket shells at the town, the source told SANA.',
      ),
    ).toEqual(['syria_gov>nusra']);
  });

  it('reads "terrorist" before a harm as the rebels in the mouth of the government', () => {
    expect(
      pairs('Syrian state television said five people were killed in terrorist rocket attacks.'),
    ).toEqual(['syria_gov>rebels']);
  });

  it('reads both sides of "mutual shelling between X and Y"', () => {
    expect(
      pairs(
        'Activists said 58 people were killed in mutual shelling between regime forces and ISIS militants.',
      ),
    ).toEqual(['other>syria_gov', 'other>isis']);
  });

  it('takes the agent just named for harm told without one', () => {
    expect(
      pairs(
        'US-led coalition jets struck the northern district of Manbij overnight. At least 15 civilians were killed in the raids, the Observatory said.',
      ),
    ).toEqual(['sohr>coalition']);
  });
});

describe('attributed harm: what is not an accusation', () => {
  it('does not decide between alternatives ("Syrian or Russian warplanes")', () => {
    expect(
      pairs('Syrian or Russian warplanes bombed aid trucks near Aleppo, the Observatory said.'),
    ).toEqual([]);
    expect(
      pairs('The raids were carried out by either Russian or regime jets, the monitor said.'),
    ).toEqual([]);
  });

  it('does not count a guess ("may be a terrorist attack")', () => {
    expect(
      pairs('The state news agency said the blast may be a terrorist attack.', {
        outletId: 'sana',
      }),
    ).toEqual([]);
  });

  it('does not count a neutral report of battle without victims', () => {
    expect(
      pairs(
        'The Observatory reported ongoing fighting as well as government air strikes on the battlefield.',
      ),
    ).toEqual([]);
    expect(
      pairs('The Observatory said government bombardment hit rebel positions in Hama.'),
    ).toEqual([]);
  });

  it('does not take "used" for harm without a weapon', () => {
    expect(
      pairs(
        'The Observatory said a suicide bomber struck a bus at a crossing the opposition uses to bring in supplies.',
      ),
    ).toEqual([]);
  });

  it('does not read a place held by a party as its harm', () => {
    expect(
      pairs(
        'The Observatory said coalition strikes hit troops surrounded by the Islamic State group in the air base.',
      ),
    ).not.toContain('sohr>isis');
  });
});

describe('attributed harm: the outlet speaking for a party', () => {
  it("reads SANA's and the Syrian Coalition's own voice by outlet id", () => {
    expect(
      pairs('A woman was killed in Aleppo by terrorists rocket shells.', { outletId: 'sana' }),
    ).toEqual(['syria_gov>rebels']);
    expect(
      pairs('Regime helicopters dropped barrel bombs on Daraya killing 12 civilians.', {
        outletId: 'etilaf',
      }),
    ).toEqual(['opposition>syria_gov']);
  });

  it('gives an unnamed source told to SANA the state voice', () => {
    expect(
      pairs(
        'A source at the Police Command told SANA that terrorist groups fired mortar shells on al-Midan neighborhood.',
      ),
    ).toEqual(['syria_gov>rebels']);
  });

  it('does not give a neutral outlet a voice of its own', () => {
    expect(
      pairs('Regime helicopters dropped barrel bombs on Daraya killing 12 civilians.', {
        outletId: 'reuters',
      }),
    ).toEqual([]);
  });
});

describe('explicit blame: more shapes', () => {
  it('reads critics of the agents ("prompted criticism from X and Y")', () => {
    expect(
      pairs(
        'The toll from strikes by the Syrian military has prompted criticism from Western countries and rights groups.',
      ),
    ).toEqual(['other>syria_gov', 'ngo>syria_gov']);
  });

  it('reads "described the attack as aggression" of the agent just named', () => {
    expect(
      pairs(
        'US cruise missiles struck the Shayrat air base on Friday. Russia described the attack as an aggression against a sovereign state.',
      ),
    ).toEqual(['russia>us']);
    expect(pairs("Moscow dismisses the Observatory's reporting as biased.")).toEqual([
      'russia>sohr',
    ]);
  });

  it('reads a contested terrorist designation by its designators', () => {
    expect(
      pairs('Jaish al-Islam is considered a terrorist group by the Syrian government and Russia.'),
    ).toEqual(['syria_gov>rebels', 'russia>rebels']);
  });

  it('blames the agents inside the harm blamed', () => {
    expect(
      pairs(
        'The Syrian Coalition condemned the crimes committed by the Assad regime as well as by ISIS against civilians.',
      ),
    ).toEqual(['opposition>syria_gov', 'opposition>isis']);
  });

  it('gives every named speaker of the verb the blame', () => {
    expect(
      pairs("Assad's regime and Russia have accused rebels of using toxic gas.").sort(),
    ).toEqual(['russia>rebels', 'syria_gov>rebels']);
  });

  it("takes a finite verb's own subject over the sentence's speaker", () => {
    expect(
      pairs(
        'Western countries say the bombing targeted hospitals and Washington has accused Moscow of war crimes.',
      ),
    ).toContain('us>russia');
  });

  it('reads a demand that a party stop its bombing', () => {
    expect(
      pairs(
        'MSF released a statement demanding that the Syrian regime and its allies stop their bombing of the city.',
      ),
    ).toEqual(['msf>syria_gov']);
  });
});

describe('allegation and quote (issue 13 item 2)', () => {
  const first = (text: string, ctx: ArticleContext = {}) => extractClaims(text, ctx).accusations[0];

  it('composes harm, figure and place the way the labels do', () => {
    expect(
      first(
        'Regime air strikes killed at least 22 civilians in Douma on Monday, the Observatory said.',
      )?.allegation,
    ).toBe('air strikes killing at least 22 civilians in Douma');
  });

  it("turns the perpetrator's verb into a gerund phrase", () => {
    expect(
      first('Activists said regime helicopters dropped barrel bombs on Daraya overnight.')
        ?.allegation,
    ).toBe('dropping barrel bombs on Daraya');
  });

  it('takes what an explicit blame is for, cut at the clause', () => {
    expect(
      first(
        'Russia accused the US-led coalition of bombing a hospital in Raqqa, and urged an inquiry.',
      )?.allegation,
    ).toBe('bombing a hospital in Raqqa');
    expect(
      first(
        'The Syrian Coalition condemned the regime for what it called a massacre of civilians and urged the UN to act.',
      )?.allegation,
    ).toBe('what it called a massacre of civilians');
  });

  it('quotes the whole sentence', () => {
    const text =
      'The war has dragged on. Regime air strikes killed 12 civilians in Idlib, the Observatory said. Talks resume on Monday.';
    expect(first(text)?.quote).toBe(
      'Regime air strikes killed 12 civilians in Idlib, the Observatory said.',
    );
  });
});

describe('attributed harm: found on articles nobody labelled', () => {
  it("gives a participle's speech to the sentence's subject, not the nearest object", () => {
    expect(
      pairs(
        'Damascus sent letters to the UN Secretary-General and the UN Security Council calling for an end to the US-led coalition airstrikes which kill civilians.',
      ),
    ).toEqual(['syria_gov>coalition']);
  });

  it("gives an unnamed source inside a party that party's voice", () => {
    expect(pairs('A source in Jaish al-Islam said IS bombers killed 14 fighters.')).toEqual([
      'rebels>isis',
    ]);
    expect(
      pairs(
        'The militants were eliminated by Russian airstrikes according to a source in the Russian Defense Ministry.',
      ),
    ).toEqual([]);
    expect(pairs('A source in Homs said regime shelling killed five civilians.')).toEqual([
      'other>syria_gov',
    ]);
  });

  it('reads a report issued by a group as the group speaking', () => {
    expect(
      pairs(
        'A recent report issued by the Syrian Network for Human Rights showed that coalition strikes had killed 1200 civilians.',
      ),
    ).toEqual(['ngo>coalition']);
  });

  it('writes "being responsible" rather than "were responsible"', () => {
    const [a] = extractClaims(
      'Britain and Israel joined the US in saying Assads forces were responsible for the gas attack.',
    ).accusations;
    expect(a?.allegation).toBe('being responsible for the gas attack');
  });
});

describe('attributed harm: speakers by the shape of their name', () => {
  it('reads an organisation the gazetteer does not know as an NGO', () => {
    expect(
      pairs(
        'The Unified Medical Office in Eastern Ghouta said that two people were killed in regime airstrikes on Douma.',
      ),
    ).toEqual(['ngo>syria_gov']);
  });

  it('reads a person the text names as "other", or as the party whose outlet it is', () => {
    expect(
      pairs('Seibert said Assad and Russia were largely responsible for the deaths in the city.'),
    ).toEqual(['other>syria_gov', 'other>russia']);
    expect(
      pairs('Barazi said terrorists fired rocket shells on the city killing five civilians.', {
        outletId: 'sana',
      }),
    ).toEqual(['syria_gov>rebels']);
  });

  it('does not take sentence words, headlines or datelines for names', () => {
    expect(
      pairs(
        'If confirmed it would be the first attack by Syrian government forces on the fighters.',
      ),
    ).toEqual([]);
    expect(pairs('Initial reports indicated that Russian jets killed 40 civilians.')).toEqual([]);
  });
});

describe('attributed harm: state voices', () => {
  it("gives a state office's unnamed source the state's voice", () => {
    expect(
      pairs(
        'A source at Aleppo Police Command said that terrorists fired rocket shells on the city.',
        {
          outletId: 'reuters',
        },
      ),
    ).toEqual(['syria_gov>rebels']);
    expect(
      pairs(
        'A source at Aleppo Police Command said that terrorists fired rocket shells on the city.',
        {
          outletId: 'sana',
        },
      ),
    ).toEqual(['syria_gov>rebels']);
  });

  it('reads "terrorists" as the rebels in a pro-government outlet whoever is quoted', () => {
    expect(
      pairs('Residents said terrorists fired a rocket at the ward killing two.', {
        outletId: 'manar',
      }),
    ).toEqual(['other>rebels']);
  });

  it('reads a headline in capitals ("New Terrorist Mortar Shell Attacks")', () => {
    expect(
      pairs('9 injured in New Terrorist Mortar Shell Attacks in Aleppo Syrian State TV announced.'),
    ).toEqual(['syria_gov>rebels']);
  });

  it('reads an agent calling its victims terrorists', () => {
    expect(
      pairs('The Turkish army killed 25 Kurdish YPG fighters calling them terrorists.'),
    ).toEqual(['turkey>sdf']);
  });
});

describe('attributed harm: more perpetrators and accusers', () => {
  it('reads a quote mark between the perpetrator and its verb', () => {
    expect(
      pairs(
        'The Syrian Coalition said regime warplanes "targeted children in their schools deliberately".',
      ),
    ).toEqual(['opposition>syria_gov']);
  });

  it('blames every name joined to the accused of a passive verb of blame', () => {
    expect(
      pairs(
        'Syrian government forces and their Russian ally have been criticised by rights groups for indiscriminate attacks.',
      ).sort(),
    ).toEqual(['ngo>russia', 'ngo>syria_gov']);
  });

  it('reads a UN inquiry, and forces loyal to someone', () => {
    expect(
      pairs(
        'A UN Commission of Inquiry has said forces loyal to Syrian President Bashar al-Assad have used chlorine gas.',
      ),
    ).toEqual(['un>syria_gov']);
  });

  it("reads a party's use of banned weapons", () => {
    expect(
      pairs(
        'The Syrian Coalition condemned the regimes use of chemical weapons against civilians.',
      ),
    ).toEqual(['opposition>syria_gov']);
  });

  it('reads using a ceasefire to regroup as harm', () => {
    expect(
      pairs(
        'Lavrov said that Syrian opposition groups had used the ceasefire to regroup and rearm.',
      ),
    ).toEqual(['russia>rebels']);
  });

  it('reads armed men positioned somewhere who then fired', () => {
    expect(
      pairs(
        'A source told SANA that the terrorist groups affiliated to al-Nusra who fortify in Ez-Eddin village fired two mortar shells on houses.',
      ),
    ).toEqual(['syria_gov>nusra']);
  });

  it("reads a group's affiliate, and a rebel alliance", () => {
    expect(
      pairs(
        'Nine people were killed as a new Islamist alliance including Al-Qaedas Syrian affiliate attacked government-held parts of Aleppo a monitor said.',
      ).sort(),
    ).toEqual(['sohr>nusra', 'sohr>rebels']);
  });
});

describe('explicit blame: protests', () => {
  it('reads a protest against a presence', () => {
    expect(
      pairs(
        'The US involvement has been protested by Damascus which did not consent to US presence.',
      ),
    ).toEqual(['syria_gov>us']);
  });
});

describe('what is not an accusation: places and undone harm', () => {
  it('does not read "in Syria" as the government', () => {
    expect(
      pairs('In January the OPCW announced that all chemical weapons in Syria had been destroyed.'),
    ).toEqual([]);
  });

  it('tells what "the incident" was when a blame is for it', () => {
    const [a] = extractClaims(
      'Opposition forces said some 80 people were killed in a chemical weapon attack in Idlib blaming the Syrian army for the incident.',
    ).accusations;
    expect(a?.allegation).toBe('chemical weapon attack killing about 80 people in Idlib');
  });
});

describe('attributed harm: names bound to their group', () => {
  it('reads "X-linked terrorist groups" and "X (formerly Y) terrorists" as X', () => {
    expect(
      pairs(
        'A source told SANA that Jabhat al-Nusra-linked terrorist groups targeted the village with rockets.',
      ),
    ).toEqual(['syria_gov>nusra']);
    expect(
      pairs(
        'Local media said 45 civilians were killed in Fatah al-Sham (formerly Al-Nusra Front) terrorists mortar fire.',
        { outletId: 'alalam' },
      ),
    ).toEqual(['media>nusra']);
  });

  it('reads a relative "which they say" as the sentence subject speaking', () => {
    expect(
      pairs(
        'Britain and France submitted evidence to the UN on the attacks which they say was carried out by the government.',
      ),
    ).toEqual(['uk>syria_gov', 'france>syria_gov']);
  });

  it('reads quoted "terrorist" before the harm', () => {
    expect(
      pairs(
        'Syrian state television said five people were killed in "terrorist" rocket attacks in Aleppo.',
      ),
    ).toEqual(['syria_gov>rebels']);
  });
});

describe('attributed harm: agents are not read as speakers', () => {
  it('stops a list of speakers at an armed noun: the names before it are the raiders', () => {
    expect(
      pairs(
        'Dozens of raids hit the old city in strikes by Russian and Syrian government jets residents and a monitor said.',
      ).sort(),
    ).toEqual(['other>russia', 'other>syria_gov', 'sohr>russia', 'sohr>syria_gov']);
  });

  it('takes a pronoun right before the verb as its subject, not the party before it', () => {
    const text =
      'Rebel commander Abu Khaled said the army shelled the village at dawn. Then government helicopters dropped barrel bombs he said.';
    expect(pairs(text)).toContain('rebels>syria_gov');
    expect(pairs(text)).not.toContain('syria_gov>rebels');
  });
});

describe('attributed harm: a quotation that runs over several sentences', () => {
  it('is spoken by whoever is named where it closes', () => {
    const text =
      'Fighting went on near the city. "Government jets bombed the bakery. They killed nine people in the queue" an activist told the agency.';
    expect(pairs(text)).toEqual(['other>syria_gov']);
  });

  it('ignores a quotation mark that is never closed', () => {
    const text =
      'Fighting went on near the city. "The raids stopped at noon. Government jets bombed the bakery. Shops reopened. Traffic returned. Schools stayed shut. An activist told the agency about it.';
    expect(pairs(text)).toEqual([]);
  });
});

describe('attributed harm: the author of a statement speaks', () => {
  it('reads "a statement from X said" and "a statement by X ... said" as X speaking', () => {
    expect(
      pairs('A statement from the Russian Defence Ministry said US jets bombed a hospital.'),
    ).toEqual(['russia>us']);
    expect(
      pairs(
        'Fighting continued. The raid proved that the rebels possess chemical weapons a statement by the army broadcast on state TV said.',
      ),
    ).toEqual(['syria_gov>rebels']);
  });
});

describe("attributed harm: a pro-government outlet relaying Syria's state media", () => {
  it('speaks for the state when it relays state television, not only SANA', () => {
    const text =
      'Six people were injured in the Old City Syrian State TV announced. In recent days more civilians were injured in Nusra Front rocket attacks on the city.';
    expect(pairs(text, { outletId: 'alalam' })).toContain('syria_gov>nusra');
    expect(pairs(text, { outletId: 'reuters' })).not.toContain('syria_gov>nusra');
  });
});

describe("attributed harm: Syria's provincial governors speak for the state", () => {
  it('reads "the Hama governor" and "Governor of Idlib X" as the government', () => {
    expect(
      pairs('The Hama governor said US strikes killed four soldiers and two civilians.'),
    ).toEqual(['syria_gov>us']);
    expect(
      pairs('Rebel shells killed three children in the city Governor of Daraa Omar Haddad said.'),
    ).toEqual(['syria_gov>rebels']);
  });
});

describe('attributed harm: "by forces loyal to X" and the head of a body', () => {
  it('reads X as the agent of harm done "by forces loyal to X"', () => {
    expect(
      pairs(
        'France said the shelling by forces loyal to President Bashar al-Assad killed 30 people.',
      ),
    ).toEqual(['france>syria_gov']);
  });

  it('reads "the chief of a UN team visiting Syria says" as the UN speaking', () => {
    expect(pairs('The head of a UN team visiting Syria says the regime used nerve gas.')).toEqual([
      'un>syria_gov',
    ]);
  });
});

describe('attributed harm: unnamed outsiders and a lone attacker', () => {
  it('reads "foreign actors", "external powers" and "foreign militias" as other parties', () => {
    expect(
      pairs('Damascus officials accused foreign actors of arming the militant groups.', {
        outletId: 'sana',
      }),
    ).toContain('syria_gov>other');
    expect(
      pairs('The Syrian Coalition said foreign militias shelled the town killing six civilians.'),
    ).toEqual(['opposition>other']);
  });

  it('reads "a terrorist" who acts as the armed groups in the state voice', () => {
    expect(
      pairs('A source told SANA that a terrorist opened fire on a bus killing two passengers.'),
    ).toEqual(['syria_gov>rebels']);
  });
});

describe('attributed harm: an attack fought off', () => {
  it('is a battle report when nobody is hurt, whoever tells it', () => {
    expect(pairs('The army foiled an attack by terrorists on its positions, SANA said.')).toEqual(
      [],
    );
    expect(pairs('The Observatory said government troops repelled a rebel assault.')).toEqual([]);
  });

  it('still blames the attackers when people were hurt', () => {
    expect(
      pairs('The army repelled an attack by terrorists that killed three civilians, SANA said.'),
    ).toEqual(['syria_gov>rebels']);
  });
});

describe('attributed harm: bare "troops" as the agent', () => {
  it('reads "troops had executed" as the army the story is about', () => {
    expect(
      pairs('The Observatory reported that troops had executed 20 people in a village.'),
    ).toEqual(['sohr>syria_gov']);
  });
});

describe('attributed harm: a quoted sentence with no speaker of its own', () => {
  it('is not put in the mouth of the last speaker', () => {
    expect(
      pairs(
        'Fighting went on all day, the Observatory said. "A gunman from the rebel side opened fire at the soldiers before being shot."',
      ),
    ).toEqual([]);
  });
});

describe('attributed harm: a weekday after the verb is not a speaker', () => {
  it('reads "... reported Tuesday." as no named speaker', () => {
    expect(pairs('Government jets killed eight civilians in the town reported Tuesday.')).toEqual(
      [],
    );
  });
});

describe('attributed harm: armed men killed, with a count of some among them', () => {
  it('is combat news, not blame', () => {
    expect(
      pairs(
        'At least 80 IS fighters among them 12 minors had been killed in coalition strikes near the city the Observatory said.',
      ),
    ).toEqual([]);
  });
});

describe('attributed harm: agentless harm and the agent named before it', () => {
  it('reaches the agent named up to two sentences back', () => {
    expect(
      pairs(
        'Coalition jets struck Manbij on Monday. The town lies near the river. At least 15 civilians were killed in the raids the Observatory said.',
      ),
    ).toEqual(['sohr>coalition']);
  });

  it('not three sentences back', () => {
    expect(
      pairs(
        'Coalition jets struck Manbij on Monday. The town lies near the river. Its market was busy. At least 15 civilians were killed in the raids the Observatory said.',
      ),
    ).toEqual([]);
  });
});

describe("attributed harm: a state's unnamed official sources", () => {
  it('speak for the state named right before them', () => {
    expect(pairs('Russian military sources said rebels shelled a school in Aleppo.')).toEqual([
      'russia>rebels',
    ]);
  });
});

describe("attributed harm: a country's press at large", () => {
  it('"Syrian media reported" is media speaking, not a Syrian state mention', () => {
    const hits = findActors('Coalition jets killed nine people in Mayadin, Syrian media reported.');
    expect(hits.map((h) => `${h.actor}:${h.name}`)).toEqual([
      'coalition:Coalition jets',
      'media:Syrian media',
    ]);
  });

  it('an outlet spelled out by its acronym keeps its country and drops the place before it', () => {
    const hits = findActors(
      'Regime airstrikes killed 20 civilians in the countryside of Aleppo Syria Live Network (SLN) reported.',
    );
    expect(hits.map((h) => `${h.actor}:${h.name}`)).toEqual([
      'syria_gov:Regime',
      'media:Syria Live Network (SLN)',
    ]);
  });

  it("a state-run news agency is Syria's unless another country's name owns it", () => {
    const actors = (s: string): string[] => findActors(s).map((h) => `${h.actor}:${h.name}`);
    expect(
      actors('Militants killed five civilians in Deir Ezzor, the state-run news agency said.'),
    ).toContain('syria_gov:state-run news agency');
    expect(actors('Syrian state-run news agency SANA reported the toll.')).toEqual([
      'syria_gov:SANA',
    ]);
    expect(actors("Turkey's state-run news agency said the attack hit a village.")).not.toContain(
      'syria_gov:state-run news agency',
    );
  });

  it('a headline\'s capitalised "Syrian Airstrikes" names the state as the striker', () => {
    const actors = (s: string): string[] => findActors(s).map((h) => `${h.actor}:${h.name}`);
    expect(actors('Syrian Airstrikes Kill Over 100 Fighters in Hama')).toContain(
      'syria_gov:Syrian',
    );
    expect(actors('Syrian Refugees Return to Homs')).toEqual([]);
  });

  it('a named state outlet after the country word still speaks for the state', () => {
    const hits = findActors('In Aleppo Syrian State TV announced the army had entered the town.');
    expect(hits.map((h) => h.actor)).toContain('syria_gov');
  });
});

describe("attributed harm: the state's auxiliaries", () => {
  it('pro-government fighters, pro-regime gunmen and militias are the state side', () => {
    const hits = findActors(
      'Pro-government fighters shelled the village while pro-regime gunmen and pro-Assad militias looted it.',
    );
    expect(hits.map((h) => `${h.actor}:${h.name}`)).toEqual([
      'syria_gov:Pro-government fighters',
      'syria_gov:pro-regime gunmen',
      'syria_gov:pro-Assad militias',
    ]);
  });

  it('blame laid on them reaches the state', () => {
    expect(
      pairs(
        'Rebel commanders blamed the hold-up on the fact that a number of pro-regime gunmen had stayed in the town.',
      ),
    ).toContain('rebels>syria_gov');
  });
});

describe('attributed harm: photo credits are no speakers', () => {
  const speakersOf = (s: string): string[] => findSpeakers(s, findActors(s)).map((h) => h.actor);

  it('"Sputnik Ahmad Said" is a photographer, not Sputnik speaking', () => {
    expect(
      speakersOf('Sputnik Ahmad Said the coalition raid killed four civilians in the town.'),
    ).toEqual([]);
    expect(
      pairs('Sputnik Ahmad Said the coalition raid killed four civilians in the town.'),
    ).toEqual([]);
  });

  it('a plain "said" after a name still speaks', () => {
    const s = 'Ahmad Said said coalition jets pounded the dam.';
    expect(isPhotoCredit(s, s.indexOf('said'), 'said')).toBe(false);
    expect(speakersOf('Sputnik said the coalition raid killed four civilians.')).toEqual(['media']);
  });
});

describe('attributed harm: officials quoted by name', () => {
  it('spokespeople and leaders speak for their side', () => {
    expect(pairs('Spicer said the regime had dropped chemical bombs on the town.')).toEqual([
      'us>syria_gov',
    ]);
    expect(pairs('Alloush said Nusra fighters had executed the prisoners.')).toEqual([
      'rebels>nusra',
    ]);
    const s = 'Hague, Egeland, Nasrallah, Lieberman and al-Jubeir spoke after Anas al-Abdah.';
    expect(findActors(s).map((h) => h.actor)).toEqual([
      'uk',
      'un',
      'hezbollah',
      'israel',
      'saudi',
      'opposition',
    ]);
  });
});

describe('attributed harm: generic armed names and what they do', () => {
  it('"terrorists" who suppressed, tortured, looted or trapped people are agents', () => {
    expect(
      pairs('The Russian Defence Ministry said the terrorists suppressed a protest in the town.'),
    ).toEqual(['russia>rebels']);
    expect(
      pairs('SANA said that the terrorists tortured and looted the villagers before fleeing.'),
    ).toEqual(['syria_gov>rebels']);
  });

  it('but not "terrorists" who were trapped', () => {
    expect(
      pairs('The Russian Defence Ministry said the terrorists were trapped in the old city.'),
    ).toEqual([]);
  });
});

describe('attributed harm: a day before the agent is a time, not a target', () => {
  it('"On Sunday Turkish forces ramped up ..." makes Turkey the agent the monitor later blames', () => {
    expect(
      pairs(
        'On Sunday Turkish forces ramped up their offensive with warplanes pounding the villages. The offensive has gone on for a week. At least 40 civilians were killed in the strikes the Observatory said.',
      ),
    ).toEqual(['sohr>turkey']);
  });

  it('"strikes on Russian positions" still makes Russia the target', () => {
    expect(
      pairs('Rebel shelling on Russian positions killed two soldiers, the Observatory said.'),
    ).not.toContain('sohr>russia');
  });
});

describe('attributed harm: a weapon said to belong to a party', () => {
  it('reaches the weapon further back in the clause', () => {
    expect(
      pairs(
        'Moscow has said the toxic gas used in the attack on the northern town last month belonged to the rebels.',
      ),
    ).toContain('russia>rebels');
  });

  it('not a house that belonged to a family', () => {
    expect(
      pairs(
        'The Observatory said the house in the old quarter of the town belonged to the rebels.',
      ),
    ).toEqual([]);
  });
});

describe('actors: a capital with allies', () => {
  it('"Damascus and its Russian allies" is the government, "Damascus and its suburbs" a place', () => {
    expect(findActors('Damascus and its Russian allies pressed on.').map((h) => h.actor)).toEqual([
      'syria_gov',
      'russia',
    ]);
    expect(findActors('They fled to Damascus and its suburbs.')).toEqual([]);
  });
});

describe("attributed harm: an editor's bracketed name", () => {
  it('reads "[IS]" as the Islamic State, the agent of what follows', () => {
    expect(findActors('A [IS] gunman opened fire.').map((h) => h.actor)).toEqual(['isis']);
    expect(
      pairs(
        '"An [IS] car bomb exploded at our checkpoint killing six men" a rebel commander said.',
      ),
    ).toEqual(['rebels>isis']);
  });

  it('still reads a capitalised "Is" or "ISLAND" as no name', () => {
    expect(findActors('Is this the end? ISLAND life goes on.')).toEqual([]);
  });
});

describe('attributed harm: the object of a verb is not a second speaker', () => {
  const speakersOf = (s: string): string[] => findSpeakers(s, findActors(s)).map((h) => h.actor);

  it('"... to pressure rebel forces and the UN says": only the UN speaks', () => {
    expect(
      speakersOf(
        'Damascus used sieges to starve rebel fighters and the UN says the army shelled Douma.',
      ),
    ).toEqual(['un']);
    expect(
      pairs(
        'Damascus used sieges to starve rebel fighters and the UN says the army shelled Douma.',
      ),
    ).not.toContain('rebels>syria_gov');
  });

  it('the object of a relative clause is not the subject of the verb after it', () => {
    const s =
      'The UK-based group which advocates the Syrian opposition said six people died after coalition raids.';
    expect(speakersOf(s)).not.toContain('opposition');
    expect(pairs(s)).not.toContain('opposition>coalition');
    expect(
      speakersOf('The opposition, which the Observatory supports, said jets hit Idlib.'),
    ).toEqual(['opposition']);
  });

  it('names joined at the head of the clause still speak together', () => {
    expect(speakersOf('Rebels and the UN say the army shelled Douma.')).toEqual(['rebels', 'un']);
  });
});

describe('actors: the backers and sides a name carries', () => {
  const actorsOf = (text: string) => findActors(text).map((h) => h.actor);
  it("reads Turkey's and Iran's proxies, Iraq's officials and the Kurdish side", () => {
    expect(actorsOf('Turkey-backed fighters entered the town.')).toEqual(['rebels']);
    expect(actorsOf('Iranian-backed militias shelled the village.')).toEqual(['iran']);
    expect(actorsOf('Iraqi officials said Baghdad shared the intelligence.')).toEqual([
      'other',
      'other',
    ]);
    expect(actorsOf('The fighters fled to Iraq.')).toEqual([]);
    expect(actorsOf('Kurdish sources said pro-Kurdish forces held the dam.')).toEqual([
      'sdf',
      'sdf',
    ]);
  });
});

describe('actors: a faction named by what it is', () => {
  const actorsOf = (text: string) =>
    findActors(text)
      .filter((h) => !h.generic)
      .map((h) => h.actor);
  it('reads "the Fastaqim rebel group" as rebels, not a generic label', () => {
    const [h] = findActors('The Fastaqim rebel group said government forces shelled the town.');
    expect(h).toMatchObject({ actor: 'rebels', generic: false });
  });

  it('leaves the groups with names of their own to those names', () => {
    expect(actorsOf('The Islamic State militant group executed 12 men.')).toEqual(['isis']);
    expect(actorsOf('The Kurdish militant group PKK said so.')).toEqual(['sdf']);
  });
});

describe('analyseArticle: a headline restated before the wire dateline', () => {
  it('takes no actors from the restated headline, only from the wire copy after it', () => {
    const a = analyseArticle(
      'Turkey says Kurdish militants shelled border town AFP Sunday 18 Sep 2016 Mortar shells fired from Syria hit the town of Kilis wounding two people the Observatory said.',
      {},
    );
    expect(a.hits[0]?.map((h) => h.actor)).toEqual(['sohr']);
  });
});

describe("analyseArticle: the page's links to other stories", () => {
  it('takes no actors from a related-links list after a view counter or source line', () => {
    const a = analyseArticle(
      'The Observatory said rebels shelled the town 91 Related Russia Says US Strikes Killed Civilians Tags Syria.',
      {},
    );
    expect(a.hits[0]?.map((h) => h.actor)).toEqual(['sohr', 'rebels']);
    const b = analyseArticle(
      'Source AFP Related News Turkish jets hit Kurdish fighters in Afrin.',
      {},
    );
    expect(b.hits[0]).toEqual([]);
  });

  it('keeps a story that says "related"', () => {
    const a = analyseArticle('Russia said the related strikes by Turkey killed civilians.', {});
    expect(a.hits[0]?.map((h) => h.actor)).toEqual(['russia', 'turkey']);
  });
});
