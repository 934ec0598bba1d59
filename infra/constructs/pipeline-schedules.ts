import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import type { StrikewatchFunction } from './strikewatch-function.ts';

/** The send-alerts sweep that retries pending deliveries the queue nudges missed. */
export const ALERT_SWEEP_MINUTES = 5;

export interface PipelineSchedulesProps {
  readonly pollFeeds: StrikewatchFunction;
  readonly sendAlerts: StrikewatchFunction;
  /** The smallest feed interval of the config. */
  readonly pollRateMinutes: number;
}

/** The two EventBridge schedules: the feed poll and the delivery sweep. */
export class PipelineSchedules extends Construct {
  constructor(scope: Construct, id: string, props: PipelineSchedulesProps) {
    super(scope, id);
    new Rule(this, 'Poll', {
      description: `Polls feeds every ${props.pollRateMinutes} min (the smallest feed interval)`,
      schedule: Schedule.rate(Duration.minutes(props.pollRateMinutes)),
      targets: [new LambdaFunction(props.pollFeeds, { retryAttempts: 2 })],
    });
    new Rule(this, 'AlertSweep', {
      description: 'Sweeps pending alert deliveries that no queue message is carrying',
      schedule: Schedule.rate(Duration.minutes(ALERT_SWEEP_MINUTES)),
      targets: [new LambdaFunction(props.sendAlerts, { retryAttempts: 2 })],
    });
    // Scheduled invocations are asynchronous: a failed poll or sweep is simply redone at the
    // next tick, so Lambda's own async retries would only overlap with it.
    props.pollFeeds.configureAsyncInvoke({ retryAttempts: 0 });
    props.sendAlerts.configureAsyncInvoke({ retryAttempts: 0 });
  }
}
