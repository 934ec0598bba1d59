import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SQS_MESSAGE_MAX_BYTES } from '../../shared/contracts/queues.ts';
import type { StrikewatchFunction } from './strikewatch-function.ts';

export interface WorkQueueProps {
  /** The function the queue feeds; the visibility timeout is derived from its timeout. */
  readonly consumer: StrikewatchFunction;
  readonly batchSize: number;
  readonly maxBatchingWindow?: Duration;
  /** Concurrent invocations the event source may run at most. */
  readonly maxConcurrency?: number;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount?: number;
  readonly description: string;
}

/**
 * A work queue with its dead-letter queue, the event source that feeds its consumer (reporting
 * partial batch failures), and the alarm that says something landed in the dead-letter queue.
 * Both queues refuse plain HTTP, are encrypted with SQS-managed keys (no KMS cost, no key policy
 * for the producers) and take messages up to the contract's size, which the SQS adapter enforces.
 */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;
  readonly dlqAlarm: Alarm;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    const maxReceiveCount = props.maxReceiveCount ?? 3;
    const consumerTimeout = props.consumer.timeout ?? Duration.seconds(3);
    this.deadLetterQueue = new Queue(this, 'Dlq', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      maxMessageSizeBytes: SQS_MESSAGE_MAX_BYTES,
      // The longest SQS allows: time for an operator to look before messages expire.
      retentionPeriod: Duration.days(14),
    });
    this.queue = new Queue(this, 'Work', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      maxMessageSizeBytes: SQS_MESSAGE_MAX_BYTES,
      // AWS guidance for Lambda event sources: at least 6x the function timeout, so a message
      // is not redelivered while a retried batch is still being worked on.
      visibilityTimeout: Duration.seconds(consumerTimeout.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount },
    });
    props.consumer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: props.batchSize,
        reportBatchItemFailures: true,
        ...(props.maxBatchingWindow ? { maxBatchingWindow: props.maxBatchingWindow } : {}),
        ...(props.maxConcurrency ? { maxConcurrency: props.maxConcurrency } : {}),
      }),
    );
    this.dlqAlarm = new Alarm(this, 'DlqNotEmpty', {
      alarmDescription: `${props.description}: messages in the dead-letter queue failed ${maxReceiveCount} times. Inspect them, fix, then redrive.`,
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
