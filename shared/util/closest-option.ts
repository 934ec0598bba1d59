// "Did you mean": the option a mistyped value was most likely meant to be. Used wherever a value
// must be one of a list (config, function env, query parameters, CLI options).

/** Edits (insert, delete, replace) from a to b: Levenshtein, two rows. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The option a mistyped value was most likely meant to be ("coalitoin" -> "coalition"). */
export function closestOption(input: string, options: readonly unknown[]): string | null {
  const typed = input.trim().toLowerCase();
  const reach = Math.max(1, Math.floor(typed.length / 4));
  let best: { option: string; d: number } | null = null;
  for (const option of options) {
    if (typeof option !== 'string') continue;
    const d = editDistance(typed, option.toLowerCase());
    if (d <= reach && (!best || d < best.d)) best = { option, d };
  }
  return best?.option ?? null;
}
