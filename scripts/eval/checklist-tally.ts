// What both checklists print: the share of their cases that pass, overall and per slot.

/** "97.7 % (680 of 696)": the share of `rs` that `ok` passes. */
export function share<T>(rs: readonly T[], ok: (r: T) => boolean): string {
  const n = rs.filter(ok).length;
  return `${((100 * n) / Math.max(1, rs.length)).toFixed(1).padStart(5)} % (${n} of ${rs.length})`;
}

/** One line per value of `key`, in first-seen order: `line` gives what it says of its cases. */
export function printBySlot<T>(
  rs: readonly T[],
  key: (r: T) => string,
  line: (group: readonly T[]) => string,
): void {
  const groups = new Map<string, T[]>();
  for (const r of rs) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  for (const [k, g] of groups) console.log(`  ${line(g)}  ${k}`);
}
