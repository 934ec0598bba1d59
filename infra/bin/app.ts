import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError } from '../../shared/domain/errors.ts';
import { DEFAULT_CONFIG_PATH, loadSynthConfig } from '../config/synth-config.ts';
import { StrikewatchStack } from '../stacks/strikewatch-stack.ts';

// Context keys (cdk.json or `-c key=value`):
//   config                 path of the JSON/YAML config (default: the example)
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

let config: ReturnType<typeof loadSynthConfig>;
try {
  config = loadSynthConfig(ctx('config') ?? DEFAULT_CONFIG_PATH);
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

new StrikewatchStack(app, ctx('stackName') ?? 'strikewatch', {
  description: 'strikewatch: news monitoring and alerting for coalition strikes in Syria',
  // Without credentials the account stays unresolved (env-agnostic): synth works offline.
  env: {
    ...(account ? { account } : {}),
    region: ctx('region') ?? process.env.CDK_DEFAULT_REGION ?? 'us-east-1',
  },
  config,
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(sesIdentity ? { sesIdentity } : {}),
  ...(concurrency !== undefined ? { sendAlertsConcurrency: Number(concurrency) } : {}),
});

// Every synth is checked against the AWS Solutions rules (cdk-nag v3 is a CDK policy-validation
// plugin): an unacknowledged finding fails the synth with a report.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
