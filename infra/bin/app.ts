import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { formatProblems } from '../../shared/config/config-problems.ts';
import { exampleAddressWarnings } from '../../shared/config/local-target.ts';
import { ConfigError } from '../../shared/domain/errors.ts';
import { contextFlag, synthConfigFromContext, targetRegion } from '../config/synth-config.ts';
import { StrikewatchStack } from '../stacks/strikewatch-stack.ts';

// Context keys (cdk.json or `-c key=value`):
//   config                 path of the JSON/YAML config (required, e.g. config/strikewatch.prod.yaml)
//   trial                  true: a trial; without `config` the example is synthesised, and
//                          example.org addresses are accepted
//   sesIdentity            SES identity to send from: domain, address or ARN
//   alarmEmail             address subscribed to the alarm topic
//   sendAlertsConcurrency  reserved concurrency of send-alerts (0: none)
//   account, region        target; else CDK_DEFAULT_ACCOUNT/REGION, else env-agnostic/us-east-1
//   stackName              default "strikewatch"

const app = new App();
const ctx = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return value === undefined || value === null || value === '' ? undefined : String(value);
};

let config: ReturnType<typeof synthConfigFromContext>['config'];
try {
  const trial = contextFlag(app.node.tryGetContext('trial'));
  const chosen = synthConfigFromContext({ config: ctx('config'), trial });
  config = chosen.config;
  if (trial) {
    // Loud on purpose: a trial deployment sends nothing anyone reads to these addresses.
    const examples = exampleAddressWarnings(config);
    console.error(
      `strikewatch: TRIAL synth of ${chosen.path} (-c trial=true): not for production` +
        (examples.length
          ? `; its example addresses receive nothing:\n${formatProblems(examples)}`
          : ''),
    );
  }
} catch (err) {
  if (err instanceof ConfigError) {
    // A readable list of what is wrong, not a stack trace, and a failed synth.
    console.error(`strikewatch: cannot synthesise, ${err.message}`);
    process.exit(1);
  }
  throw err;
}

const concurrency = ctx('sendAlertsConcurrency');
const alarmEmail = ctx('alarmEmail');
const sesIdentity = ctx('sesIdentity');
const account = ctx('account') ?? process.env.CDK_DEFAULT_ACCOUNT;
// The cdk CLI sets CDK_DEFAULT_REGION from AWS_REGION (or the profile), as the aws CLI reads it.
const region = targetRegion({ context: ctx('region'), cli: process.env.CDK_DEFAULT_REGION });
if (region.notice) console.error(`strikewatch: ${region.notice}`);

new StrikewatchStack(app, ctx('stackName') ?? 'strikewatch', {
  description: 'strikewatch: news monitoring and alerting for coalition strikes in Syria',
  // Without credentials the account stays unresolved (env-agnostic): synth works offline.
  env: {
    ...(account ? { account } : {}),
    region: region.region,
  },
  config,
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(sesIdentity ? { sesIdentity } : {}),
  ...(concurrency !== undefined ? { sendAlertsConcurrency: Number(concurrency) } : {}),
});

// Every synth is checked against the AWS Solutions rules (cdk-nag v3 is a CDK policy-validation
// plugin): an unacknowledged finding fails the synth with a report.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
