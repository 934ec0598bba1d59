// The words a reader sees for an accusation: what is alleged and the quote it stands in.

export function allegationFrom(sentence: string, from: number): string {
  const rest = sentence.slice(from).replace(/^\s*(?:'s|’s)?\s*/, '');
  const words = rest.split(/\s+/).filter(Boolean).slice(0, 10).join(' ');
  return words.replace(/["“”,;:.]+$/g, '').trim();
}

export function quoteSpan(sentence: string, from: number, to: number): string {
  let end = sentence.indexOf('.', to);
  if (end < 0 || end - to > 120) end = Math.min(sentence.length, to + 80);
  return sentence.slice(from, end).trim();
}
