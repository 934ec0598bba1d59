// Bounded concurrency by host and in total: at most `perHost` tasks of one host and `total` of
// all at once, started in the order they came as far as those bounds allow. A host that answers
// slowly (a drip body, a server near its timeout) holds only its own slots; tasks of other hosts
// pass the ones waiting for it.

export interface HostLimits {
  total: number;
  perHost: number;
}

/** A running task's hold on its slot. */
export interface Slot {
  /**
   * Gives the slot up while waiting for `wait` (another task's turn, not this host), then takes
   * one again ahead of tasks not yet started: a task that waits holds no slot, so tasks waiting
   * on each other can never fill every slot and stall.
   */
  pause<U>(wait: Promise<U>): Promise<U>;
}

export interface HostLimiter {
  run<T>(host: string, task: (slot: Slot) => Promise<T>): Promise<T>;
}

interface Waiting {
  host: string;
  start: () => void;
}

export function hostLimiter(limits: HostLimits): HostLimiter {
  const total = Math.max(1, Math.floor(limits.total));
  const perHost = Math.max(1, Math.min(total, Math.floor(limits.perHost)));
  const busy = new Map<string, number>();
  const waiting: Waiting[] = [];
  let active = 0;

  const startWhatFits = () => {
    for (let i = 0; i < waiting.length && active < total; ) {
      const w = waiting[i] as Waiting;
      const n = busy.get(w.host) ?? 0;
      if (n >= perHost) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      active++;
      busy.set(w.host, n + 1);
      w.start();
    }
  };
  const finished = (host: string) => {
    active--;
    const n = (busy.get(host) ?? 1) - 1;
    if (n > 0) busy.set(host, n);
    else busy.delete(host);
    startWhatFits();
  };

  const slotFor = (host: string): Slot => ({
    async pause<U>(wait: Promise<U>): Promise<U> {
      finished(host);
      try {
        return await wait;
      } finally {
        await new Promise<void>((start) => {
          waiting.unshift({ host, start });
          startWhatFits();
        });
      }
    },
  });

  return {
    run<T>(host: string, task: (slot: Slot) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          // A task that throws synchronously still frees its slot.
          Promise.resolve()
            .then(() => task(slotFor(host)))
            .then(resolve, reject)
            .finally(() => finished(host));
        };
        waiting.push({ host, start });
        startWhatFits();
      });
    },
  };
}

/** The host a job's page is fetched from (host and port), or its feed's key when it has none. */
export function hostKey(url: string | null, fallback: string): string {
  if (!url) return fallback;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return fallback;
  }
}
