import type { LocalDeps } from '../../shared/local/local-deps.ts';

// Fault injection at the ports, not in production code: decorators of the real adapters that run
// a hook just before or just after one call. A hook that throws is a crash at that point (the
// exception unwinds the use-case as a crash would end it), one that SIGKILLs the process is a
// crash outright, one that waits reorders concurrent workers.

type AsyncMethod = (...args: never[]) => Promise<unknown>;
type MethodsOf<T> = { [K in keyof T]: T[K] extends AsyncMethod ? K : never }[keyof T];
type Hooks<F> = F extends (...args: infer A) => Promise<infer R>
  ? {
      before?: (...args: A) => void | Promise<void>;
      after?: (result: R, ...args: A) => void | Promise<void>;
    }
  : never;

/** `target` with `hooks` around one of its methods; every other member is the target's own. */
export function intercept<T extends object, K extends MethodsOf<T>>(
  target: T,
  method: K,
  hooks: Hooks<T[K]>,
): T {
  const h = hooks as {
    before?: (...args: unknown[]) => void | Promise<void>;
    after?: (result: unknown, ...args: unknown[]) => void | Promise<void>;
  };
  return new Proxy(target, {
    get(t, prop) {
      const value: unknown = Reflect.get(t, prop, t);
      if (typeof value !== 'function') return value;
      if (prop !== method) return value.bind(t);
      return async (...args: unknown[]) => {
        await h.before?.(...args);
        const result: unknown = await value.apply(t, args);
        await h.after?.(result, ...args);
        return result;
      };
    },
  });
}

/** The steps of a run a fault can follow, named by what has just happened. */
export const CRASH_STEPS = [
  'article-claimed',
  'story-indexed',
  'record-written',
  'record-indexed',
  'alert-written',
  'claims-done',
  'claimed',
  'sent',
  'marked',
] as const;
export type CrashStep = (typeof CRASH_STEPS)[number];

export const isCrashStep = (s: string | undefined): s is CrashStep =>
  (CRASH_STEPS as readonly string[]).includes(s ?? '');

type FaultableDeps = Pick<
  LocalDeps,
  'articleLedger' | 'storyIndex' | 'incidentStore' | 'outbox' | 'slack' | 'mailer'
>;

/**
 * `deps` with `hook` run at `step`, each time the step happens:
 * - article-claimed: an article lease was taken;
 * - story-indexed: the article's story is decided (just before the story record is written);
 * - record-written: an incident (or accusation) record was created or replaced;
 * - record-indexed: a record's identity keys and story index were written;
 * - alert-written: an update's message was written (before its deliveries);
 * - claims-done: a relevant article's claims are all settled (just before it is marked done);
 * - claimed: a delivery was claimed (before it is sent);
 * - sent: Slack or the SMTP server accepted a message (before the delivery is marked);
 * - marked: a delivery was marked sent.
 */
export function withFaultAt<D extends FaultableDeps>(
  deps: D,
  step: CrashStep,
  hook: () => void | Promise<void>,
): D {
  const { articleLedger, storyIndex, incidentStore, outbox, slack, mailer } = deps;
  switch (step) {
    case 'article-claimed':
      return {
        ...deps,
        articleLedger: intercept(articleLedger, 'claimArticle', {
          after: (r) => (r.outcome === 'claimed' ? hook() : undefined),
        }),
      };
    case 'story-indexed':
      return { ...deps, storyIndex: intercept(storyIndex, 'upsertStory', { before: hook }) };
    case 'record-written': {
      const written = (ok: boolean) => (ok ? hook() : undefined);
      const created = intercept(incidentStore, 'createRecord', { after: written });
      return { ...deps, incidentStore: intercept(created, 'replaceRecord', { after: written }) };
    }
    case 'record-indexed':
      return { ...deps, incidentStore: intercept(incidentStore, 'indexRecord', { after: hook }) };
    case 'alert-written':
      return { ...deps, outbox: intercept(outbox, 'putAlert', { after: hook }) };
    case 'claims-done':
      return {
        ...deps,
        articleLedger: intercept(articleLedger, 'completeArticle', {
          before: (a) => (a.relevant ? hook() : undefined),
        }),
      };
    case 'claimed':
      return {
        ...deps,
        outbox: intercept(outbox, 'claimDelivery', { after: (d) => (d ? hook() : undefined) }),
      };
    case 'sent':
      return {
        ...deps,
        slack: intercept(slack, 'post', { after: hook }),
        mailer: mailer && intercept(mailer, 'send', { after: hook }),
      };
    case 'marked':
      return {
        ...deps,
        outbox: intercept(outbox, 'finishDelivery', {
          after: (ok, _a, _s, _t, outcome) =>
            ok && outcome.status === 'sent' ? hook() : undefined,
        }),
      };
  }
}
