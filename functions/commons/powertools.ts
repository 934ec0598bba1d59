import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { Logger as LoggerPort } from '../../shared/ports/logger.ts';

// Created once per cold start and shared by every handler of the bundle.
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'strikewatch',
});
export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'strikewatch',
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'strikewatch',
});
export const tracer = new Tracer({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'strikewatch',
});

/** The domain's logging port on top of Powertools' structured logger. */
export const loggerPort: LoggerPort = {
  debug: (m, f) => logger.debug(m, f ?? {}),
  info: (m, f) => logger.info(m, f ?? {}),
  warn: (m, f) => logger.warn(m, f ?? {}),
  error: (m, f) => logger.error(m, f ?? {}),
};
