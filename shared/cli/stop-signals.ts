// Ctrl-C (SIGINT) and SIGTERM during a run: the first ends a wait at once, or lets the running
// cycle finish so the store is closed cleanly; the second stops now. Either way the process
// says what it does.

export interface StopSignals {
  readonly stopped: boolean;
  /** Marks a cycle as running (a first signal then waits for it) or not. */
  busy(running: boolean): void;
  /** Resolves at `at`, or at once when a stop is asked for; true when stopped. */
  sleepUntil(at: Date): Promise<boolean>;
  dispose(): void;
}

export function listenForStop(say: (line: string) => void): StopSignals {
  let stopped = false;
  let running = false;
  let wake = () => {};
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopped) {
      say(`strikewatch: ${signal} again: stopping now`);
      process.exit(130);
    }
    stopped = true;
    if (running)
      say('strikewatch: finishing the current cycle, then stopping (Ctrl-C again to stop now)');
    wake();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get stopped() {
      return stopped;
    },
    busy(r) {
      running = r;
    },
    sleepUntil(at) {
      if (stopped) return Promise.resolve(true);
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(stopped), Math.max(0, at.getTime() - Date.now()));
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
