// Times as an operator reads them in a terminal: UTC (the store's times are UTC), the date only
// when it is not today, and how far away ("in 10 min").

/** "12:40 UTC", or "2026-05-02 12:40 UTC" when not on the UTC day of `now`. */
export function utcClock(at: Date | string, now: Date = new Date()): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return String(at);
  const iso = d.toISOString();
  const time = `${iso.slice(11, 16)} UTC`;
  return iso.slice(0, 10) === now.toISOString().slice(0, 10) ? time : `${iso.slice(0, 10)} ${time}`;
}

/** A duration in words: "45 s", "10 min", "2 h 5 min", "3 d 4 h". */
export function durationWords(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** "in 10 min", or "now" when the time has come. */
export function untilWords(at: Date, now: Date = new Date()): string {
  const ms = at.getTime() - now.getTime();
  return ms <= 500 ? 'now' : `in ${durationWords(ms)}`;
}

/** "10 min ago", or "just now". */
export function agoWords(at: Date, now: Date = new Date()): string {
  const ms = now.getTime() - at.getTime();
  return ms < 1_000 ? 'just now' : `${durationWords(ms)} ago`;
}
