import { describe, expect, it } from 'vitest';
import { resolveGeneric } from '../../../shared/claims/actor-context.ts';
import { type ActorHit, findActors } from '../../../shared/claims/actors.ts';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import { findSpeakers } from '../../../shared/claims/speakers.ts';

function pairs(text: string, outlet?: string): string[] {
  return extractClaims(text, outlet ? { outlet } : {}).accusations.map(
    (a) => `${a.accuser}>${a.accused}`,
  );
}

describe('extractClaims accusations: explicit verbs of blame', () => {
  it('reads "X accused Y of"', () => {
    expect(pairs('Russia accused the US-led coalition of killing civilians in Raqqa.')).toEqual([
      'russia>coalition',
    ]);
    expect(pairs('The U.N. has accused the Syrian government of obstructing aid.')).toEqual([
      'un>syria_gov',
    ]);
  });

  it('reads blame, condemnation and criticism', () => {
    expect(pairs('Amnesty International blamed Russian jets for the massacre.')).toEqual([
      'amnesty>russia',
    ]);
    expect(pairs('Turkey condemned the Syrian regime for the chemical attack.')).toEqual([
      'turkey>syria_gov',
    ]);
  });

  it('resolves "blaming it" to the party named before', () => {
    expect(
      pairs(
        'Human Rights Watch said the US-led coalition failed to take precautions, blaming it for killing 84 civilians.',
      ),
    ).toEqual(['hrw>coalition']);
  });

  it('maps officials to their side', () => {
    expect(pairs('Zakharova accused Washington of protecting terrorists.')).toEqual(['russia>us']);
    expect(pairs('Foreign Minister Walid Muallem accused Turkey of aggression.')).toEqual([
      'syria_gov>turkey',
    ]);
  });

  it('finds the accused of "condemned the massacre committed by X" and "this crime"', () => {
    expect(
      pairs('The Turkish Foreign Ministry condemned the massacre committed by Russian aircraft.'),
    ).toEqual(['turkey>russia']);
    expect(
      pairs(
        'Regime helicopters dropped barrel bombs on a school in Douma. The Syrian Coalition condemned this heinous crime.',
      ),
    ).toEqual(['opposition>syria_gov']);
  });

  it('takes the antecedent of "who" as the accuser, not a name further back', () => {
    expect(
      pairs('Saudi Arabia attended talks with European ministers who blamed the attack on Assad.'),
    ).toEqual([]);
  });

  it('fills accuserName, accusedName, allegation and quote', () => {
    const [a] = extractClaims(
      'Russia accused the US-led coalition of barbaric bombing of Raqqa.',
    ).accusations;
    expect(a).toMatchObject({
      accuserName: 'Russia',
      accusedName: 'US-led coalition',
      allegation: 'barbaric bombing of Raqqa',
      place: 'Raqqa',
    });
    expect(a?.quote).toContain('accused the US-led coalition');
  });

  it('ignores negated blame', () => {
    expect(pairs('Russia has never condemned the Syrian government for the siege.')).toEqual([]);
  });
});

describe('extractClaims accusations: attributed speech', () => {
  it('reads "X said Y\'s strikes killed"', () => {
    expect(
      pairs(
        'The diplomat noted that the airstrike carried out by the US-led coalition in Raqqa killed 43 civilians, Zakharova said.',
      ),
    ).toContain('russia>coalition');
    expect(
      pairs(
        'Coalition jets killed 15 civilians in Manbij, the Syrian Observatory for Human Rights said.',
      ),
    ).toEqual(['sohr>coalition']);
  });

  it('finds the speaker behind appositives and titles, not inside clauses', () => {
    expect(
      pairs(
        'The Syrian Observatory for Human Rights, which relies on a network of sources, said regime helicopters dropped barrel bombs on Aleppo.',
      ),
    ).toEqual(['sohr>syria_gov']);
    expect(
      pairs(
        "Russia's Defence Ministry spokesman Major-General Igor Konashenkov said coalition jets bombed a hospital.",
      ),
    ).toEqual(['russia>coalition']);
    expect(
      pairs(
        'The coalition, which launched an air war against IS in September, said its strikes hit oil facilities.',
      ),
    ).toEqual([]);
  });

  it('reads headline attributions', () => {
    expect(pairs('Russia: US-led strike killed 62 Syrian troops')).toEqual(['russia>coalition']);
  });

  it('carries the speaker into "he said" sentences', () => {
    const text =
      'Igor Konashenkov spoke to reporters on Sunday. "The barbaric bombardments by the US air force destroyed the city," he said.';
    expect(pairs(text)).toEqual(['russia>us']);
  });

  it('reads rejected calls to halt strikes as blame by the callers', () => {
    expect(
      pairs('The US has rejected calls by Syrian opposition figures to halt the bombings.'),
    ).toEqual(['opposition>us']);
  });

  it('reads the work of / responsibility lies with', () => {
    expect(
      pairs('A U.S. official said the attack appeared to be the work of the Assad government.'),
    ).toEqual(['us>syria_gov']);
    expect(
      pairs(
        'Responsibility for this heinous crime lies with the international community, the Syrian Coalition said.',
      ),
    ).toEqual(['opposition>other']);
  });

  it('reads mutual blame both ways', () => {
    expect(
      pairs('The Syrian regime and rebels have traded accusations over the use of toxic gas.'),
    ).toEqual(['syria_gov>rebels', 'rebels>syria_gov']);
  });

  it('reads coordinated agents and agents after "by"', () => {
    expect(
      pairs(
        'At least 11 civilians were killed in Syrian and Russian air raids on the town, the Britain-based monitor said.',
      ),
    ).toEqual(['sohr>syria_gov', 'sohr>russia']);
    expect(
      pairs(
        'The brutal assault on Aleppo by the Assad regime has killed hundreds of civilians, the Syrian Coalition said.',
      ),
    ).toEqual(['opposition>syria_gov']);
  });

  it('reads calls to stop or investigate strikes', () => {
    expect(
      pairs(
        'The main Syrian opposition group urged the US-led coalition to suspend its bombardments.',
      ),
    ).toEqual(['opposition>coalition']);
  });

  it('reads "terrorists" as rebels when the government side speaks', () => {
    expect(
      pairs('Terrorists fired rocket shells on residential neighborhoods in Aleppo, SANA said.'),
    ).toEqual(['syria_gov>rebels']);
    expect(
      pairs('Terrorists fired rocket shells on residential neighborhoods in Aleppo.', 'sana'),
    ).toEqual(['syria_gov>rebels']);
  });
});

describe('extractClaims accusations: offices that speak for a state or a side', () => {
  it('reads "officials in Ankara said" as the state speaking, not a place', () => {
    expect(pairs('Officials in Ankara said the YPG carried out the bombing.')).toEqual([
      'turkey>sdf',
    ]);
  });

  it('reads Kurdish officials and commanders as the Kurdish side', () => {
    expect(
      pairs('Kurdish officials said Turkish jets bombed a village killing civilians.'),
    ).toEqual(['sdf>turkey']);
    expect(
      pairs('A Kurdish commander said Turkish artillery shelled the town killing five civilians.'),
    ).toEqual(['sdf>turkey']);
  });

  it('knows the officials who speak for the UN, Turkey, Iran and the White Helmets', () => {
    expect(
      pairs('Ibrahim Kalin said YPG fighters shelled the town killing five civilians.'),
    ).toEqual(['turkey>sdf']);
    expect(
      pairs('Zeid Raad al-Hussein said Russian jets bombed a market killing 20 civilians.'),
    ).toEqual(['un>russia']);
    expect(
      pairs('Raed Saleh said regime helicopters dropped barrel bombs killing 12 people.'),
    ).toEqual(['white_helmets>syria_gov']);
  });

  it("knows the Guards' militias, the state's militias, the SDF's councils and Hurras al-Din", () => {
    expect(
      pairs(
        'Activists said the Fatemiyoun and Tiger Forces shelled the town killing 12 civilians.',
      ).sort(),
    ).toEqual(['other>iran', 'other>syria_gov']);
    expect(
      pairs('Turkey said the Manbij Military Council shelled the town killing five civilians.'),
    ).toEqual(['turkey>sdf']);
    expect(pairs('The Observatory said Hurras al-Din fighters executed 12 civilians.')).toEqual([
      'sohr>nusra',
    ]);
  });

  it('knows more monitors, aid groups, agencies and seats of government', () => {
    expect(
      pairs('Raqqa is Being Slaughtered Silently said coalition jets killed 12 civilians.'),
    ).toEqual(['ngo>coalition']);
    expect(pairs('Downing Street said regime forces used chemical weapons on civilians.')).toEqual([
      'uk>syria_gov',
    ]);
    expect(
      pairs('The Organisation for the Prohibition of Chemical Weapons said IS used mustard gas.'),
    ).toEqual(['un>isis']);
  });

  it('reads pro-Assad forces, government-backed militias and Syrian soldiers as the state, the IDF as Israel', () => {
    expect(pairs('Activists said pro-Assad forces shelled the town killing 12 civilians.')).toEqual(
      ['other>syria_gov'],
    );
    expect(
      pairs('Hezbollah said the IDF struck a convoy killing six fighters and a child.'),
    ).toEqual(['hezbollah>israel']);
  });

  it('reads the Syrian leader as the state and an IS-linked news agency as IS', () => {
    expect(pairs('The Syrian leader said Turkish troops killed 20 civilians in Afrin.')).toEqual([
      'syria_gov>turkey',
    ]);
    expect(pairs('An IS-linked news agency said Russian jets killed 20 civilians.')).toEqual([
      'isis>russia',
    ]);
  });

  it('reads the US-led alliance and the Combined Joint Task Force as the coalition', () => {
    expect(pairs('The Observatory said the US-led alliance killed 20 civilians in Raqqa.')).toEqual(
      ['sohr>coalition'],
    );
  });

  it("reads Syria's ministries and ministers in either case", () => {
    expect(pairs('The Syrian interior ministry said rebel shelling killed 20 civilians.')).toEqual([
      'syria_gov>rebels',
    ]);
    expect(
      pairs('Syrias Deputy Prime Minister Qadri Jamil said coalition strikes killed 20 civilians.'),
    ).toEqual(['syria_gov>coalition']);
  });
});

describe("extractClaims accusations: the coalition's partner forces", () => {
  it('reads partnered forces as the SDF', () => {
    expect(
      pairs(
        'The strike was requested by partnered forces who had misidentified the target, the coalition said.',
      ),
    ).toEqual(['coalition>sdf']);
  });

  it('does not blame partner forces killed by a strike', () => {
    expect(
      pairs('A coalition airstrike killed 18 partner forces near Tabqa, the Pentagon said.'),
    ).toEqual([]);
  });
});

describe('extractClaims accusations: a headline run into the first sentence', () => {
  it("lets the story's own verb of speech speak, not the headline's title-case verb", () => {
    const text =
      'Opposition Demands UN Action After Chlorine Attack Activists said regime forces bombed the town with chlorine barrel bombs killing two children.';
    expect(pairs(text)).toContain('other>syria_gov');
    const speakers = findSpeakers(text, findActors(text)).map((h) => h.actor);
    expect(speakers).toEqual(['other']);
  });

  it('keeps a title-case verb when the headline is all there is', () => {
    expect(pairs('Russia Says Rebels Shelled Aleppo School.')).toEqual(['russia>rebels']);
  });
});

describe('resolveGeneric: unnamed "terrorists"', () => {
  const hit = (name: string): ActorHit => ({
    actor: 'rebels',
    name,
    index: 0,
    end: 0,
    generic: true,
  });
  it('reads them as rebels in the mouth of a reporter or a non-western party', () => {
    expect(resolveGeneric(hit('terrorists'), 'media')).toBe('rebels');
    expect(resolveGeneric(hit('the terrorists'), 'other')).toBe('rebels');
    expect(resolveGeneric(hit('terrorist groups'), 'turkey')).toBe('rebels');
  });

  it('leaves them unresolved for western speakers and without a speaker', () => {
    expect(resolveGeneric(hit('terrorists'), 'us')).toBeNull();
    expect(resolveGeneric(hit('terrorists'), 'coalition')).toBeNull();
    expect(resolveGeneric(hit('terrorists'), null)).toBeNull();
    expect(resolveGeneric(hit('militants'), 'media')).toBeNull();
  });
});

describe('extractClaims accusations: what is not an accusation', () => {
  it('ignores neutral reporting by the journalist', () => {
    expect(
      pairs('At least 15 civilians were killed in air strikes by the US-led coalition.'),
    ).toEqual([]);
  });

  it('ignores denials', () => {
    expect(
      pairs('The Pentagon denied that its strikes killed civilians in Raqqa, the spokesman said.'),
    ).toEqual([]);
    expect(
      pairs(
        'The US-led coalition says it is careful to avoid civilian casualties in its bombing runs.',
      ),
    ).toEqual([]);
  });

  it("ignores one side reporting its own or its allies' strikes", () => {
    expect(
      pairs('US-led coalition airstrike killed 18 partner forces, the Pentagon said.'),
    ).toEqual([]);
    expect(pairs('Russian jets bombed the town and killed 20 civilians, SANA said.')).toEqual([]);
  });

  it('ignores boilerplate like "(banned in Russia)"', () => {
    expect(
      pairs(
        'Daesh (a terrorist group banned in Russia) fighters were killed, local media reported.',
      ),
    ).toEqual([]);
  });

  it('ignores neutral combat reports of militants killed', () => {
    expect(
      pairs(
        'US-led strikes killed 35 jihadists overnight, the Syrian Observatory for Human Rights said.',
      ),
    ).toEqual([]);
  });
});

describe('extractClaims accusations: pronouns and aliases across sentences', () => {
  it('resolves "he" to a named official who opened the previous sentence', () => {
    expect(
      pairs(
        'Sergei Lavrov met his Iranian counterpart in Moscow. He accused Washington of shielding the Nusra Front.',
      ),
    ).toEqual(['russia>us']);
    expect(
      pairs(
        'Syrian Foreign Minister Walid al-Muallem received the UN envoy on Monday. He condemned the Turkish incursion as a flagrant aggression.',
      ),
    ).toEqual(['syria_gov>turkey']);
  });

  it('resolves "it" and "the ministry" to a body that opened the previous sentence', () => {
    expect(
      pairs(
        'The Syrian Foreign Ministry sent two letters to the Security Council. It accused the coalition of killing 30 villagers.',
      ),
    ).toEqual(['syria_gov>coalition']);
    expect(
      pairs(
        'The Russian Defence Ministry published satellite images on Friday. The ministry said coalition aircraft had bombed a bridge near Raqqa.',
      ),
    ).toEqual(['russia>coalition']);
  });

  it('keeps a person pronoun off a body and a body pronoun off a person', () => {
    expect(
      pairs('Russian jets pounded the town overnight. He said American drones killed nine people.'),
    ).toEqual([]);
  });

  it('does not take the subject of a noun phrase headline as a speaker', () => {
    expect(
      pairs(
        'Coalition air strikes and Turkish artillery hit the area, the agency said. It said Turkish howitzers fired on militants near the border.',
      ),
    ).toEqual([]);
  });

  it('reads "according to the report" as the last speaker, not as the actor after it', () => {
    expect(
      pairs(
        'The Syrian Network for Human Rights said in a report issued on Monday that IS had expelled villagers. According to the report IS has executed 40 people in the town.',
      ),
    ).toEqual(['ngo>isis']);
  });

  it('reads a quote attributed after it', () => {
    expect(
      pairs('"The Americans are protecting the terrorists" Zakharova told reporters.'),
    ).toEqual(['russia>us']);
    expect(
      pairs(
        '"These raids by the regime are war crimes" said the head of the Syrian Coalition in Istanbul.',
      ),
    ).toEqual(['opposition>syria_gov']);
  });
});

describe('extractClaims accusations: more verbs and shapes of blame', () => {
  it('reads "attributed X to Y", "faulted Y for" and "bears full responsibility"', () => {
    expect(pairs('Turkey attributed the bombing to the YPG.')).toEqual(['turkey>sdf']);
    expect(pairs('Turkey faulted Russia for the strike on the convoy.')).toEqual(['turkey>russia']);
    expect(
      pairs('The Syrian Coalition said the regime bears full responsibility for the massacre.'),
    ).toEqual(['opposition>syria_gov']);
    expect(pairs('A statement attributed to the army said Turkish jets killed civilians.')).toEqual(
      ['syria_gov>turkey'],
    );
  });

  it('reads "called / termed the strike a violation" without "as"', () => {
    const [a] = extractClaims(
      'Russia called the coalition strike a flagrant violation of international law.',
    ).accusations;
    expect(a).toMatchObject({
      accuser: 'russia',
      accused: 'coalition',
      allegation: 'a flagrant violation of international law',
    });
    expect(pairs('Russia termed the US strike an act of aggression.')).toEqual(['russia>us']);
  });

  it('does not give the capital that speaks as the place of the harm', () => {
    const [a] = extractClaims('Damascus condemned the US strikes.').accusations;
    expect(a).toMatchObject({ accuser: 'syria_gov', accused: 'us', place: null });
  });

  it('gives "blamed X on Y" the thing blamed as the allegation', () => {
    const [a] = extractClaims('Activists blamed the massacre on regime forces.').accusations;
    expect(a).toMatchObject({ accuser: 'other', accused: 'syria_gov', allegation: 'the massacre' });
    const [b] = extractClaims('Turkey attributed the bombing to the YPG.').accusations;
    expect(b?.allegation).toBe('the bombing');
  });

  it('reads lashing out, deploring, decrying and pointing the finger', () => {
    expect(pairs('Turkey lashed out at Washington over its support for the YPG.')).toEqual([
      'turkey>us',
    ]);
    expect(pairs('The opposition decried the Russian bombing of a bakery in Idlib.')).toEqual([
      'opposition>russia',
    ]);
    expect(pairs('Amnesty International deplored the regime siege of Madaya.')).toEqual([
      'amnesty>syria_gov',
    ]);
  });

  it('gives every coordinated accuser the accusation', () => {
    expect(pairs('France and Britain pointed the finger at Assad for the gas attack.')).toEqual([
      'uk>syria_gov',
      'france>syria_gov',
    ]);
  });

  it('finds the agent of a passive verb of blame later in its clause', () => {
    expect(
      pairs('The regime has been accused of shelling bakeries in Douma by rights groups.'),
    ).toEqual(['ngo>syria_gov']);
    expect(pairs('The coalition has been accused by Damascus of bombing water stations.')).toEqual([
      'syria_gov>coalition',
    ]);
  });

  it('reads Damascus and "the government" as the Syrian state when they blame or are blamed', () => {
    expect(pairs('Washington accused Damascus of the sarin attack on the town.')).toEqual([
      'us>syria_gov',
    ]);
    expect(pairs('The government blamed the car bombing on "terrorists".')).toEqual([
      'syria_gov>rebels',
    ]);
    expect(pairs('Damascus denied any role and blamed the rebels.')).toEqual(['syria_gov>rebels']);
  });

  it('reads "accused the government of" a harm as the Syrian state, not "the government of" a country', () => {
    expect(pairs('Rebels accused the government of shelling Hama.')).toEqual(['rebels>syria_gov']);
    expect(pairs('The opposition accused the government of using chlorine gas in Hama.')).toEqual([
      'opposition>syria_gov',
    ]);
    expect(pairs('Activists accused the government of Turkey of shelling Afrin.')).not.toContain(
      'other>syria_gov',
    );
  });

  it('reads London and Paris that speak or blame as the British and French states', () => {
    expect(
      pairs('Washington, Paris and London blamed the Syrian government for the chemical attack.'),
    ).toEqual(['uk>syria_gov', 'us>syria_gov', 'france>syria_gov']);
    expect(pairs('The London-based Observatory said regime forces shelled Douma.')).toEqual([
      'sohr>syria_gov',
    ]);
    expect(pairs('A conference in London condemned the strikes.')).toEqual([]);
  });

  it('reads chlorine and sarin as harm', () => {
    expect(pairs('Washington said the regime used chlorine in Douma.')).toEqual(['us>syria_gov']);
  });

  it('reads "accused the coalition of" a wrong as the US-led coalition', () => {
    expect(pairs('Russia accused the coalition of war crimes.')).toEqual(['russia>coalition']);
    expect(pairs('Damascus accused the coalition of deliberate attacks on hospitals.')).toEqual([
      'syria_gov>coalition',
    ]);
  });

  it('reads "the government" that blocked, attacked or detained as the Syrian state', () => {
    expect(pairs('The UN said the government had blocked aid convoys.')).toEqual(['un>syria_gov']);
    expect(pairs('Amnesty said the government detained hundreds of protesters.')).toEqual([
      'amnesty>syria_gov',
    ]);
  });

  it('reads a longer thing blamed on someone and quoted objects', () => {
    expect(
      pairs('Moscow has blamed the March 3 chlorine attack near Hama on rebel forces.'),
    ).toEqual(['russia>rebels']);
    expect(pairs('SANA said mortar fire wounded four people, blaming "terrorists".')).toEqual([
      'syria_gov>rebels',
    ]);
  });

  it('takes the sentence subject as the subject of a trailing participle', () => {
    expect(
      pairs(
        'Iran has backed Assad throughout the war, vetoing resolutions at the Security Council and blaming the massacre on rebel forces.',
      ),
    ).toEqual(['iran>rebels']);
    expect(pairs('Blaming Damascus Washington says the attack cannot go unanswered')).toEqual([
      'us>syria_gov',
    ]);
  });

  it('reads "X was to blame" in reported speech', () => {
    expect(pairs('US officials concluded that Russia was to blame for the convoy strike.')).toEqual(
      ['us>russia'],
    );
    expect(pairs('Moscow said the Syrian army was not to blame for the strike.')).toEqual([]);
  });

  it('reads headline verbs in title case', () => {
    expect(pairs('Syria Slams Coalition Massacre In Hasakah Village')).toEqual([
      'syria_gov>coalition',
    ]);
    expect(pairs('Syria Accuses Rebels of Using Chlorine in Aleppo')).toEqual(['syria_gov>rebels']);
  });

  it('reads "terrorists positioned in X fired" from the government side', () => {
    expect(
      pairs(
        'A source told SANA that terrorists positioned in the eastern districts fired mortar shells on a school.',
      ),
    ).toEqual(['syria_gov>rebels']);
  });

  it('keeps named and unnamed monitoring groups apart', () => {
    const text =
      'The Syrian Observatory for Human Rights said 12 civilians died. The Raqqa 24 monitoring group said coalition jets killed four children.';
    expect(pairs(text)).toEqual(['ngo>coalition']);
    expect(
      pairs(
        'The Syrian Observatory for Human Rights monitoring group said regime helicopters dropped barrel bombs on the market.',
      ),
    ).toEqual(['sohr>syria_gov']);
    // GUIDELINES: activists are "other"; an activist group is activists, not a monitor.
    expect(pairs('An activist group said Russian jets struck a school in Idlib.')).toEqual([
      'other>russia',
    ]);
  });
});

describe('extractClaims accusations: more of what is not an accusation', () => {
  it('ignores agents inside whether-clauses and place descriptions', () => {
    expect(
      pairs(
        'The Observatory said it could not determine whether Syrian or Russian jets carried out the raid that killed 12 civilians.',
      ),
    ).toEqual([]);
    expect(
      pairs(
        'Coalition jets struck villages held by the Islamic State group and killed 14 civilians, activists said.',
      ),
    ).toEqual(['other>coalition']);
  });

  it('ignores a neutral monitor reporting fighting between armed parties', () => {
    expect(
      pairs(
        'The Observatory said Islamic State fighters attacked army positions near the airport overnight.',
      ),
    ).toEqual([]);
  });

  it('reads a call only from its own "to"', () => {
    expect(
      pairs(
        'The army urged rebels to hand over their weapons and opened corridors for families wishing to leave, SANA said.',
      ),
    ).toEqual([]);
  });

  it('does not take "the source" as the subject of the sentence before', () => {
    expect(
      pairs(
        'Sputnik correspondents visited the hospital on Friday. "Fifty people died in the IS attack on the village" the source said.',
      ),
    ).toEqual([]);
  });
});

describe('extractClaims accusations: held-out work (issue 13)', () => {
  it('reads armed men who kill as agents, not victims', () => {
    expect(
      pairs('The monitor said IS militants killed one of its activists for taking photos.'),
    ).toEqual(['sohr>isis']);
  });

  it('knows detaining, blowing up and supplying weapons as harm', () => {
    expect(
      pairs('Activists said the Nusra Front detained a prominent activist in Aleppo.'),
    ).toEqual(['other>nusra']);
    expect(
      pairs('The Observatory said IS fighters had blown themselves up at the army headquarters.'),
    ).toEqual(['sohr>isis']);
    expect(pairs('Saudi Arabia said Tehran is shipping weapons to the Syrian regime.')).toEqual([
      'saudi>iran',
    ]);
  });

  it('hears a speaker behind a bracketed acronym and the press at large', () => {
    expect(
      pairs(
        'Doctors Without Borders [MSF] released a statement demanding that the Syrian regime stop its bombing of hospitals.',
      ),
    ).toEqual(['msf>syria_gov']);
    expect(
      pairs('Local media reported that coalition aircraft killed six civilians in Raqqa.'),
    ).toEqual(['media>coalition']);
    expect(
      pairs('Other media sources also said that coalition warplanes killed two civilians.'),
    ).toEqual(['media>coalition']);
  });

  it('lets a denial cover what follows it, not the accusation it answers', () => {
    expect(pairs('Russia denied that its jets bombed the hospital, the Observatory said.')).toEqual(
      [],
    );
    expect(
      pairs(
        'Damascus has accused the rebels of using chemical weapons on civilians, which the rebels deny.',
      ),
    ).toEqual(['syria_gov>rebels']);
  });

  it("reads the opposition's complaints of siege and displacement as the government's doing", () => {
    expect(pairs('Rebels say they are forced out by siege and bombardment.')).toEqual([
      'rebels>syria_gov',
    ]);
    expect(
      pairs(
        'The deals are unpopular with the Syrian opposition who say they amount to forced displacement of civilians.',
      ),
    ).toEqual(['opposition>syria_gov']);
    // Someone else's account of a siege blames nobody.
    expect(pairs('The UN said 400000 people live under siege in Eastern Ghouta.')).toEqual([]);
  });

  it('joins an ally to the party that blames', () => {
    expect(
      pairs('The government and its ally Russia have blamed Syrian rebels for the attack.'),
    ).toEqual(['russia>rebels', 'syria_gov>rebels']);
  });

  it('reads terrorists affiliated to states as those states doing harm in a party outlet', () => {
    expect(
      pairs(
        'Terrorist organizations affiliated to Turkish and Saudi regimes targeted Aleppo city with shells that contained toxic gases.',
        'SANA',
      ),
    ).toEqual(['syria_gov>turkey', 'syria_gov>saudi']);
    expect(
      pairs(
        '57 civilians were martyred in Continued Nusra Front- linked Terrorist Attacks on Aleppo.',
        'SANA',
      ),
    ).toEqual(['syria_gov>nusra']);
  });

  it('reads "responded by launching airstrikes" as harm', () => {
    expect(
      pairs(
        'Activists said regime forces responded by launching airstrikes killing three civilians.',
      ),
    ).toEqual(['other>syria_gov']);
  });
});

describe('explicit blame: an outcry drawn from parties', () => {
  it('blames the owner of the act that drew it', () => {
    const found = extractClaims(
      'The Kremlin plan drew protests from the Syrian opposition and from Turkey.',
    ).accusations.map((a) => `${a.accuser}>${a.accused}`);
    expect(found).toEqual(['opposition>russia', 'turkey>russia']);
  });

  it('blames the agent of harm named just before when the outcry names none', () => {
    const found = extractClaims(
      'Russian jets bombed a market in Idlib on Monday. The deaths prompted outrage from Turkey.',
    ).accusations.map((a) => `${a.accuser}>${a.accused}`);
    expect(found).toContain('turkey>russia');
  });
});

describe('explicit blame: accusers joined by "as well as"', () => {
  it('reads the rest of a long name and "a number of" between two accusers', () => {
    const found = extractClaims(
      'The National Coalition of Syrian Revolution and Opposition Forces as well as a number of Western states accused the Syrian army of the attack.',
    ).accusations.map((a) => `${a.accuser}>${a.accused}`);
    expect(found.sort()).toEqual(['opposition>syria_gov', 'other>syria_gov']);
  });
});

describe('explicit blame: an allegation by its owner, blame laid on a fact', () => {
  const found = (text: string) =>
    extractClaims(text).accusations.map((a) => `${a.accuser}>${a.accused}`);

  it('reads "rebel allegations that the regime used gas" as the rebels accusing', () => {
    expect(
      found('The ministry tried to counter rebel allegations that the regime gassed civilians.'),
    ).toContain('rebels>syria_gov');
  });

  it('reads "blamed the delay on the fact that a number of X ..." as blaming X', () => {
    expect(
      found(
        'Rebels blamed the delay partly on the fact that a number of government forces had stayed behind.',
      ),
    ).toEqual(['rebels>syria_gov']);
  });
});

describe('explicit blame: condemning "the" harm told just before', () => {
  const found = (text: string) =>
    extractClaims(text).accusations.map((a) => `${a.accuser}>${a.accused}`);

  it('blames the agent named in the sentence before', () => {
    expect(
      found(
        'Russian jets struck a hospital in Idlib on Monday killing 12 people. The United Nations condemned the air strikes.',
      ),
    ).toContain('un>russia');
  });

  it('does not reach back further than two sentences', () => {
    expect(
      found(
        'Russian jets struck a hospital in Idlib on Monday. The town had 20000 people. Its market reopened in May. Many shops were closed. The United Nations condemned the air strikes.',
      ),
    ).not.toContain('un>russia');
  });
});

describe('explicit blame: an outcry from a capital', () => {
  it('"protests from Damascus" is the Syrian state protesting', () => {
    const found = extractClaims(
      "Washington's decision to send more troops drew protests from Damascus and its Iranian allies.",
    ).accusations.map((a) => `${a.accuser}>${a.accused}`);
    expect(found).toEqual(['syria_gov>us', 'iran>us']);
  });

  it('Damascus elsewhere in the sentence is still a place', () => {
    const found = extractClaims(
      'The strike drew protests from residents of Damascus.',
    ).accusations.map((a) => a.accuser);
    expect(found).not.toContain('syria_gov');
  });
});

describe('explicit blame: what the critics say', () => {
  it('"criticism from X that ..." gives the that-clause as the allegation', () => {
    const [a] = extractClaims(
      'Turkish jets kept bombing the border towns despite criticism from the Syrian government that the raids break international law.',
    ).accusations;
    expect(a).toMatchObject({ accuser: 'syria_gov', accused: 'turkey' });
    expect(a?.allegation).toBe('the raids break international law');
  });
});
