import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import {
  GSI1,
  GSI2,
  TTL_ATTRIBUTE,
  tableKeys,
} from '../../shared/adapters/dynamodb/table-design.ts';

/**
 * Key and index names come from the adapter's table design, so the deployed table cannot drift
 * from what the code queries; the stack tests pin the literal names.
 */
export const TABLE_KEYS = {
  partitionKey: tableKeys.partitionKey,
  sortKey: tableKeys.sortKey,
  /** Kind + time: articles, claims, alerts, errors by date, and the pending-delivery outbox. */
  gsi1: { name: GSI1, ...tableKeys.gsi1 },
  /** By source, place or actor. */
  gsi2: { name: GSI2, ...tableKeys.gsi2 },
  /** Epoch seconds after which DynamoDB deletes transient items. */
  ttl: TTL_ATTRIBUTE,
} as const;

/**
 * The single data table. It holds the article history analysts query, so it outlives the stack:
 * deletion protection and RETAIN, plus point-in-time recovery against a bad write.
 */
export class StrikewatchTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      // Bursty, small traffic (polls every few minutes): on-demand costs cents, provisioned idles.
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: TABLE_KEYS.ttl,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
    });
    for (const gsi of [TABLE_KEYS.gsi1, TABLE_KEYS.gsi2]) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.name,
        partitionKey: { name: gsi.partitionKey, type: AttributeType.STRING },
        sortKey: { name: gsi.sortKey, type: AttributeType.STRING },
      });
    }
  }
}
