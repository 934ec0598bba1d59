import { z } from 'zod';
import { parseAllowedHost } from '../adapters/http/address-policy.ts';
import { emailListSchema } from '../alerts/email-headers.ts';
import { DEFAULT_SEND_CAPS } from '../alerts/send-caps.ts';
import { ACTORS, OUTCOMES, VICTIMS } from '../domain/claims.ts';
import { DEFAULT_TOPIC_ID } from '../domain/topics.ts';
import { EXTRACTION_DEFAULTS } from '../ports/extractor.ts';

// One schema for the local runner, the Lambda bootstrap and `cdk synth`: a config that is
// wrong fails the same way everywhere, before anything runs.

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'use lower-case letters, digits, "-" or "_" (max 64)');

const httpUrl = z
  .string()
  .url()
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http:// or https:// URL');

export const feedSchema = z.strictObject({
  id,
  url: httpUrl,
  /** Outlet name used as the source of unattributed figures; defaults to the feed title. */
  outlet: z.string().min(1).optional(),
  intervalMinutes: z.number().int().min(1).max(1440).default(10),
});

export const topicSchema = z.strictObject({
  id,
  name: z.string().min(1),
  kind: z.enum(['coalition-strikes-syria', 'keywords']),
  all: z.array(z.array(z.string().min(1)).min(1)).optional(),
  none: z.array(z.string().min(1)).optional(),
});

export const filtersSchema = z
  .strictObject({
    topics: z.array(id).optional(),
    kinds: z.array(z.enum(['casualty', 'accusation'])).optional(),
    outcomes: z.array(z.enum(OUTCOMES)).optional(),
    victims: z.array(z.enum(VICTIMS)).optional(),
    minCount: z.number().int().min(0).optional(),
    /** Matches an accusation's accuser or accused. */
    actors: z.array(z.enum(ACTORS)).optional(),
    /** Case-insensitive match on the claim's place. */
    places: z.array(z.string().min(1)).optional(),
  })
  .default({});

const slackTarget = z
  .strictObject({
    /** Only for local runs: in AWS put the URL in Secrets Manager and use `webhookUrlSecret`. */
    webhookUrl: httpUrl.optional(),
    /** Name of an environment variable holding the webhook URL. */
    webhookUrlEnv: z.string().min(1).optional(),
    /** Secrets Manager secret id (name or ARN) holding the webhook URL. */
    webhookUrlSecret: z.string().min(1).optional(),
  })
  .refine(
    (s) => [s.webhookUrl, s.webhookUrlEnv, s.webhookUrlSecret].filter(Boolean).length === 1,
    'give exactly one of webhookUrl, webhookUrlEnv, webhookUrlSecret',
  );

const DELIVERY_MODE_HINT =
  'write `delivery: immediate` (the default), `delivery: {digest: hourly}` or `delivery: {digest: daily}`';

/** How a subscriber gets updates: each as it comes, or one digest per hour or day. */
export const deliveryModeSchema = z
  .union(
    [
      z.literal('immediate'),
      z.strictObject({ digest: z.enum(['hourly', 'daily'], { message: DELIVERY_MODE_HINT }) }),
    ],
    { message: DELIVERY_MODE_HINT },
  )
  .default('immediate');

export const subscriberSchema = z
  .strictObject({
    id,
    slack: slackTarget.optional(),
    email: z.string().email().optional(),
    filters: filtersSchema,
    delivery: deliveryModeSchema,
  })
  .refine((s) => Boolean(s.slack) !== Boolean(s.email), {
    message: 'a subscriber has exactly one channel: `slack` or `email`',
  });

export const smtpSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false),
  user: z.string().optional(),
  /** Name of an environment variable holding the SMTP password (never the password itself). */
  passwordEnv: z.string().optional(),
  /** Secrets Manager secret id holding the SMTP password. */
  passwordSecret: z.string().optional(),
  /** Skip TLS certificate checks: only for a local test server. */
  allowSelfSigned: z.boolean().default(false),
});

export const deliverySchema = z
  .strictObject({
    email: z
      .strictObject({
        from: z.string().email(),
        /** Local runs deliver through SMTP; in AWS the SES transport is used. */
        smtp: smtpSchema.optional(),
        ...emailListSchema.shape,
      })
      .optional(),
    /** Caps with a visible overflow (beyond them: one "N more updates" message per hour). */
    caps: z
      .strictObject({
        perArticle: z.number().int().min(1).max(1000).default(DEFAULT_SEND_CAPS.perArticle),
        perFeedPerPoll: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .default(DEFAULT_SEND_CAPS.perFeedPerPoll),
        perSubscriberPerHour: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .default(DEFAULT_SEND_CAPS.perSubscriberPerHour),
      })
      .default({ ...DEFAULT_SEND_CAPS }),
    /** Attempts per delivery before it is recorded as failed. */
    maxAttempts: z.number().int().min(1).max(10).default(4),
    /** Base of the jittered exponential backoff between attempts. */
    backoffMs: z.number().int().min(0).max(60_000).default(500),
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
  })
  .default({ maxAttempts: 4, backoffMs: 500, timeoutMs: 10_000, caps: { ...DEFAULT_SEND_CAPS } });

/** An allowPrivateHosts entry the address policy can read; the reason when it cannot. */
const allowedHostEntry = z.string().superRefine((entry, ctx) => {
  const parsed = parseAllowedHost(entry);
  if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
});

export const networkSchema = z
  .strictObject({
    timeoutMs: z.number().int().min(100).max(120_000).default(15_000),
    connectTimeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    maxFeedBytes: z
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
    maxPageBytes: z
      .number()
      .int()
      .min(1024)
      .default(5 * 1024 * 1024),
    maxRedirects: z.number().int().min(0).max(10).default(5),
    maxItemsPerFeed: z.number().int().min(1).max(10_000).default(200),
    retries: z.number().int().min(0).max(5).default(2),
    /**
     * Hosts (and ports) that may resolve to private or loopback addresses: `host`, `host:port`,
     * `[ipv6]:port`; a host without a port allows 80 and 443 only. None by default.
     */
    allowPrivateHosts: z.array(allowedHostEntry).default([]),
    userAgent: z.string().default('strikewatch/0.1 (+https://github.com/strikewatch/strikewatch)'),
  })
  .default({
    timeoutMs: 15_000,
    connectTimeoutMs: 5_000,
    maxFeedBytes: 5 * 1024 * 1024,
    maxPageBytes: 5 * 1024 * 1024,
    maxRedirects: 5,
    maxItemsPerFeed: 200,
    retries: 2,
    allowPrivateHosts: [],
    userAgent: 'strikewatch/0.1 (+https://github.com/strikewatch/strikewatch)',
  });

export const extractionSchema = z
  .strictObject({
    /** Time one page's extraction may take before it is given up (the feed's text is used). */
    timeoutMs: z.number().int().min(100).max(120_000).default(EXTRACTION_DEFAULTS.timeoutMs),
    /** Heap cap of the extraction worker; a page that needs more fails alone. */
    maxHeapMb: z.number().int().min(32).max(4096).default(EXTRACTION_DEFAULTS.maxHeapMb),
  })
  .default({ ...EXTRACTION_DEFAULTS });

export const defaultTopics = [
  {
    id: DEFAULT_TOPIC_ID,
    name: 'US-led coalition strikes in Syria',
    kind: 'coalition-strikes-syria' as const,
  },
];

/** Ids used twice in feeds, topics or subscribers (read from whatever the input holds). */
function duplicateIds(cfg: unknown, ctx: z.RefinementCtx): void {
  const lists = (cfg ?? {}) as Record<string, unknown>;
  for (const key of ['feeds', 'topics', 'subscribers']) {
    const list = lists[key];
    if (!Array.isArray(list)) continue;
    const ids = list.flatMap((x) => (typeof x?.id === 'string' ? [x.id as string] : []));
    for (const d of new Set(ids.filter((v, i) => ids.indexOf(v) !== i)))
      ctx.addIssue({ code: 'custom', path: [key], message: `duplicate id "${d}"` });
  }
}

export const configSchema = z
  .strictObject({
    feeds: z.array(feedSchema).min(1, 'configure at least one feed'),
    topics: z.array(topicSchema).min(1).default(defaultTopics),
    subscribers: z.array(subscriberSchema).default([]),
    delivery: deliverySchema,
    network: networkSchema,
    extraction: extractionSchema,
  })
  // Run even when other fields are wrong, so that one pass lists every mistake: the value is
  // then the input as far as it parsed, read here as unknown.
  .superRefine((cfg, ctx) => duplicateIds(cfg, ctx), { when: () => true })
  .superRefine((cfg, ctx) => {
    const topicIds = new Set(cfg.topics.map((t) => t.id));
    cfg.subscribers.forEach((s, i) => {
      for (const t of s.filters.topics ?? []) {
        if (!topicIds.has(t)) {
          ctx.addIssue({
            code: 'custom',
            path: ['subscribers', i, 'filters', 'topics'],
            message: `unknown topic "${t}"`,
          });
        }
      }
      if (s.email && !cfg.delivery.email) {
        ctx.addIssue({
          code: 'custom',
          path: ['subscribers', i, 'email'],
          message: 'email subscribers need delivery.email (from address, SMTP for local runs)',
        });
      }
    });
    cfg.topics.forEach((t, i) => {
      if (t.kind === 'keywords' && !t.all?.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', i, 'all'],
          message: 'a keywords topic needs `all`: groups of terms, one of each must appear',
        });
      }
    });
  });

export type Config = z.infer<typeof configSchema>;
export type FeedConfig = z.infer<typeof feedSchema>;
export type SubscriberConfig = z.infer<typeof subscriberSchema>;
export type SubscriberFilters = z.infer<typeof filtersSchema>;
export type NetworkSettings = z.infer<typeof networkSchema>;
export type DeliverySettings = z.infer<typeof deliverySchema>;
