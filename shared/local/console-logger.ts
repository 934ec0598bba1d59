import type { Logger } from '../ports/logger.ts';

/** Human-readable logs for local runs, on stderr so that stdout stays the command's output. */
export function consoleLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'warn'): Logger {
  const order = { debug: 0, info: 1, warn: 2, error: 3 } as const;
  const emit = (l: keyof typeof order) => (message: string, fields?: Record<string, unknown>) => {
    if (order[l] < order[level]) return;
    const extra = fields
      ? ` ${Object.entries(fields)
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(' ')}`
      : '';
    process.stderr.write(
      `${l === 'error' ? 'error' : l === 'warn' ? 'warning' : l}: ${message}${extra}\n`,
    );
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
