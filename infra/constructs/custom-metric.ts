import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { type CustomMetric, METRICS_NAMESPACE } from '../../shared/contracts/metrics.ts';

/** A contract metric as the functions publish it: namespace, `service` dimension, summed. */
export function customMetric(metric: CustomMetric, period = Duration.minutes(5)): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: metric.name,
    dimensionsMap: { service: metric.service },
    statistic: 'Sum',
    period,
  });
}
