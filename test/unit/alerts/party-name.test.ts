import { describe, expect, it } from 'vitest';
import { addsToActorName, partyName } from '../../../shared/alerts/message-words.ts';

// Which name a message gives a party: the text's, where it names the party better than the
// canonical name, else the canonical one.

describe('partyName', () => {
  it("keeps a proper name that says more than the party's canonical name", () => {
    expect(partyName('russia', 'Russian military')).toBe('Russian military');
    expect(partyName('syria_gov', 'SANA')).toBe('SANA');
    expect(partyName('us', 'Washington')).toBe('Washington');
  });

  it('gives the canonical name for a common noun, a clipped modifier or a part of the name', () => {
    expect(partyName('syria_gov', 'army')).toBe('the Syrian government');
    expect(partyName('syria_gov', 'regime')).toBe('the Syrian government');
    expect(partyName('coalition', 'US-led')).toBe('the US-led coalition');
    expect(partyName('coalition', 'Coalitions')).toBe('the US-led coalition');
    expect(partyName('coalition', 'US-led coalition')).toBe('the US-led coalition');
    expect(partyName('coalition', 'anti-jihadist coalition')).toBe('the US-led coalition');
  });

  it('gives the short name, article and all, for the abbreviation the text writes', () => {
    expect(partyName('us', 'US')).toBe('the US');
    expect(partyName('sohr', 'SOHR')).toBe('SOHR');
  });

  it("keeps the text's capitals where it gives the canonical name itself", () => {
    expect(partyName('un', 'The UN')).toBe('The UN');
  });

  it('keeps any name of a party known only by its kind', () => {
    expect(partyName('other', 'activists')).toBe('activists');
    expect(partyName('media', 'state media')).toBe('state media');
    expect(partyName('ngo', 'the monitor')).toBe('the monitor');
  });

  it('gives the canonical name when the text gives none', () => {
    expect(partyName('coalition', null)).toBe('the US-led coalition');
    expect(partyName('other', '  ')).toBe('another party');
  });
});

describe('whether the text names a perpetrator with more than its canonical name', () => {
  it('is so for the means or the unit, not for a spelling of the name', () => {
    expect(addsToActorName('coalition', 'US-led coalition warplanes')).toBe(true);
    expect(addsToActorName('russia', 'Russian jets')).toBe(true);
    expect(addsToActorName('coalition', 'US-led')).toBe(false);
    expect(addsToActorName('coalition', 'Coalitions')).toBe(false);
    expect(addsToActorName('coalition', 'the US-led coalition')).toBe(false);
  });
});
