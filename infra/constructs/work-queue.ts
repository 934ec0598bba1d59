import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface WorkQueueProps {
  /** Timeout of the consuming function: the visibility timeout is derived from it. */
  readonly consumerTimeout: Duration;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount?: number;
  readonly description: string;
}

/**
 * A work queue with its dead-letter queue and the alarm that says something landed there.
 * Both queues refuse plain HTTP and are encrypted with SQS-managed keys (no KMS cost, no key
 * policy for the producers).
 */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly dlqAlarm: Alarm;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'Dlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time for an operator to look before messages expire.
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Work', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS guidance for Lambda event sources: at least 6x the function timeout, so a message
      // is not redelivered while a retried batch is still being worked on.
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: props.maxReceiveCount ?? 3 },
    });
    this.dlqAlarm = new Alarm(this, 'DlqNotEmpty', {
      alarmDescription: `${props.description}: messages in the dead-letter queue failed ${props.maxReceiveCount ?? 3} times. Inspect them, fix, then redrive.`,
      metric: this.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
  }
}
