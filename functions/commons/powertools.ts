import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { type CustomMetric, METRICS_NAMESPACE } from '../../shared/contracts/metrics.ts';
import type { Logger as LoggerPort } from '../../shared/ports/logger.ts';

// Created once per cold start and shared by every handler of the bundle. The service name (the
// `service` dimension of every metric) is the function's: the stack sets POWERTOOLS_SERVICE_NAME.

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'strikewatch';
export const logger = new Logger({ serviceName });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName });
export const tracer = new Tracer({ serviceName });

/** Adds one of the contract's metrics (shared/contracts/metrics.ts) as a count. */
export function countMetric(metric: CustomMetric, value: number): void {
  metrics.addMetric(metric.name, MetricUnit.Count, value);
}

/**
 * Keys Powertools Logger fills itself and drops from the attributes a call passes (with only a
 * warning): a use-case's `message: err.message` would lose the reason. Renamed instead.
 */
const RESERVED_KEYS: Readonly<Record<string, string>> = {
  message: 'reason',
  level: 'levelField',
  service: 'serviceField',
  timestamp: 'timestampField',
  sampling_rate: 'samplingRateField',
};

export function keptFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [RESERVED_KEYS[k] ?? k, v]));
}

/** The domain's logging port on top of a Powertools logger. */
export function createLoggerPort(target: Logger): LoggerPort {
  return {
    debug: (m, f) => target.debug(m, keptFields(f)),
    info: (m, f) => target.info(m, keptFields(f)),
    warn: (m, f) => target.warn(m, keptFields(f)),
    error: (m, f) => target.error(m, keptFields(f)),
  };
}

export const loggerPort: LoggerPort = createLoggerPort(logger);
