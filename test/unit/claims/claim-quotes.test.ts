// Quotes a reader can use (issue 13 item 2, issue 14): the whole sentence the claim stands in,
// without the page furniture a scraped sentence may start with, never cut inside a word.

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import { leadingFurnitureLength } from '../../../shared/claims/sentences.ts';

const ctx = { outlet: 'Test Wire', publishedAt: '2017-06-08' };

function quotes(body: string): string[] {
  return extractClaims(`Title\n\n${body}`, ctx).casualties.map((f) => f.quote);
}

describe('casualty quotes: page furniture before the sentence', () => {
  it.each([
    [
      '05.10.2017(updated 1935 05.10.2017) Get short URL 101 A mortar attack on the district killed three civilians.',
      'A mortar attack on the district killed three civilians.',
    ],
    [
      '16.04.2017Get short URL 0 612 Two people were killed when shells hit the square.',
      'Two people were killed when shells hit the square.',
    ],
    [
      'Published October 4 2016 A suicide bomber killed 30 people on Monday.',
      'A suicide bomber killed 30 people on Monday.',
    ],
    [
      'Date of publication 8 April 2017 An airstrike killed 18 people in the town.',
      'An airstrike killed 18 people in the town.',
    ],
    [
      '(AFP Photo) At least 16 civilians were killed on Friday.',
      'At least 16 civilians were killed on Friday.',
    ],
    [
      'AFP Thursday 14 Jul 2016 Air strikes killed 11 people in Idlib.',
      'Air strikes killed 11 people in Idlib.',
    ],
    [
      'Monday 21 November 2016 A mother and her child died when a bomb hit their home.',
      'A mother and her child died when a bomb hit their home.',
    ],
    [
      'Share this article Follow us on Twitter Ten people were killed in the raid.',
      'Ten people were killed in the raid.',
    ],
    [
      'Print Tweet Views 1662 A car bomb killed 20 people near the camp.',
      'A car bomb killed 20 people near the camp.',
    ],
  ])('%s', (sentence, quote) => {
    for (const q of quotes(sentence)) expect(q).toBe(quote);
    expect(quotes(sentence).length).toBeGreaterThan(0);
  });

  it('keeps a figure that the stamp runs into and never cuts inside a word', () => {
    const sentence = 'August 13 2016 2037 UTC+3 Government forces killed 20 militants.';
    expect(quotes(sentence)).toEqual(['Government forces killed 20 militants.']);
    for (const q of quotes(sentence)) expect(sentence.endsWith(q)).toBe(true);
  });

  it('leaves out a headline the page restated before a wire dateline', () => {
    const sentence =
      'Shelling hits northern town Monitor AFP Sunday 5 Jun 2016 Shelling on the town killed nine civilians on Sunday a monitor said.';
    expect(quotes(sentence)).toEqual([
      'Shelling on the town killed nine civilians on Sunday a monitor said.',
    ]);
  });

  it('quotes the copy of a figure the restated headline also states', () => {
    const sentence =
      'Shelling kills nine in northern town Monitor AFP Sunday 5 Jun 2016 Shelling on the town killed nine civilians on Sunday a monitor said.';
    expect(quotes(sentence)).toEqual([
      'Shelling on the town killed nine civilians on Sunday a monitor said.',
    ]);
  });

  it('quotes the restated headline alone when the claim is in it only', () => {
    const sentence =
      'Shelling kills nine in northern town Monitor Reuters Sunday 5 Jun 2016 The army said the town was quiet.';
    expect(quotes(sentence)).toEqual(['Shelling kills nine in northern town Monitor']);
  });

  it('quotes the copy when the title and the restated headline state the figure too', () => {
    const text =
      'Shelling kills nine in northern town\n\nShelling kills nine in northern town Monitor AFP Sunday 5 Jun 2016 Shelling on the town killed nine civilians on Sunday a monitor said.';
    expect(extractClaims(text, ctx).casualties.map((f) => f.quote)).toEqual([
      'Shelling on the town killed nine civilians on Sunday a monitor said.',
    ]);
  });

  it('quotes a lead the page printed twice once, with the rest of its sentence', () => {
    const lead = 'Airstrikes by coalition jets have killed at least 21 civilians in northern Syria';
    expect(quotes(`${lead} ${lead} a monitoring group said.`)).toEqual([
      `${lead} a monitoring group said.`,
    ]);
  });

  it('keeps a sentence whose words only come back later', () => {
    const sentence = 'The strike killed five people and the strike killed the power in the town.';
    expect(quotes(sentence)).toEqual([sentence]);
  });

  it('leaves a sentence with no furniture whole', () => {
    const sentence = 'Five civilians were killed in the strike on the market on Sunday.';
    expect(quotes(sentence)).toEqual([sentence]);
  });
});

describe('leadingFurnitureLength', () => {
  it('trims only what leaves a sentence behind', () => {
    expect(leadingFurnitureLength('2 July 2016 The regime has killed 43 people.')).toBe(
      '2 July 2016 '.length,
    );
    expect(leadingFurnitureLength('2 July 2016 killed.')).toBe(0);
    expect(leadingFurnitureLength('10 civilians were killed on Monday.')).toBe(0);
    expect(leadingFurnitureLength('(the army said) it shelled the town at night.')).toBe(0);
  });

  it("trims a page's keyword list glued to the lead, and nothing of the lead", () => {
    const tags = 'Tags Syria Idlib barrel bombs Observatory for Human Rights ';
    expect(leadingFurnitureLength(`${tags}The regime killed 12 civilians in Idlib.`)).toBe(
      tags.length,
    );
    expect(leadingFurnitureLength('Tags: Aleppo siege UN An air raid killed nine people.')).toBe(
      'Tags: Aleppo siege UN '.length,
    );
    // No usual first word of a lead, or an article inside the run: not a keyword list.
    expect(leadingFurnitureLength('Tags Syria rebels launched a raid on the town.')).toBe(0);
    expect(leadingFurnitureLength('Tags were found in the rubble. The army left.')).toBe(0);
  });

  it('trims the tail of a stamp the sentence before took the start of', () => {
    const cut = leadingFurnitureLength('11.2016) Get short URL 12 Air raids killed six people.');
    expect(cut).toBe('11.2016) Get short URL 12 '.length);
    expect(leadingFurnitureLength('20 were killed (the monitor said) in Idlib.')).toBe(0);
  });
});
