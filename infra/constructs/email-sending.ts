import { Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { ConfigurationSet, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { ENV } from '../../shared/contracts/function-env.ts';
import type { StrikewatchFunction } from './strikewatch-function.ts';

export interface EmailSendingProps {
  /** `delivery.email.from` of the config. */
  readonly from: string;
  /** SES identity: a domain, an address or a full identity ARN; default the domain of `from`. */
  readonly sesIdentity?: string;
}

/**
 * Email through SES v2: the identity alerts are sent from (verified by the operator) and a
 * configuration set that stops sending to addresses that bounced or complained.
 */
export class EmailSending extends Construct {
  readonly identityArn: string;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: EmailSendingProps) {
    super(scope, id);
    const identity = props.sesIdentity ?? props.from.slice(props.from.lastIndexOf('@') + 1);
    this.identityArn = identity.startsWith('arn:')
      ? identity
      : Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      // Protects the SES reputation of the account.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
  }

  /** Allows `ses:SendEmail` from this identity with this configuration set only, and says so. */
  bindTo(fn: StrikewatchFunction): void {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    fn.addToRolePolicy(
      new PolicyStatement({
        // SES v2 SendEmail (simple or raw content) is authorised by ses:SendEmail alone.
        actions: ['ses:SendEmail'],
        resources: [this.identityArn, configurationSetArn],
      }),
    );
    fn.bindEnvironment(ENV.sesConfigurationSet, this.configurationSet.configurationSetName);
    fn.bindEnvironment(ENV.sesFromIdentityArn, this.identityArn);
  }
}
