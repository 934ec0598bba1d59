import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/index.ts';

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
        'At least 11 civilians were killed in Syrian or Russian air raids on the town, the Britain-based monitor said.',
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
