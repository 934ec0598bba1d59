import { plural } from '../alerts/message-words.ts';
import { awsConfigNotes, checkAwsTarget } from '../config/aws-target.ts';
import { type ConfigProblem, formatProblems, throwProblems } from '../config/config-problems.ts';
import { loadConfigFile } from '../config/load-config.ts';
import {
  type Env,
  exampleAddressWarnings,
  localConfigProblems,
  localEnvProblems,
} from '../config/local-target.ts';
import type { Config } from '../config/schema.ts';
import { ConfigError } from '../domain/errors.ts';

// `strikewatch validate [--target local|aws] FILE`: the schema, then the rules of the place the
// config is for. Local (the default): private hosts only where allowPrivateHosts names them, no
// AWS-only secrets, and a note for each variable `run` needs that this shell lacks. AWS: what
// `cdk synth` checks (secrets from Secrets Manager only, no private webhook or SMTP hosts, no
// example addresses unless --trial). Every problem is listed by path; exit 1 when there is one.

export type ValidateTarget = 'local' | 'aws';

const say = (text: string) => process.stderr.write(`${text}\n`);

function printNotes(label: string, notes: readonly ConfigProblem[]): void {
  if (notes.length) say(`${label}:\n${formatProblems(notes)}`);
}

function counts(c: Config): string {
  return [
    plural(c.feeds.length, 'feed'),
    plural(c.topics.length, 'topic'),
    plural(c.subscribers.length, 'subscriber'),
  ].join(', ');
}

function validateLocal(file: string, c: Config, env: Env): string {
  throwProblems(localConfigProblems(c), `${file} cannot run locally:`);
  printNotes('warning', exampleAddressWarnings(c));
  printNotes(
    'note: `strikewatch run` needs these, which this shell does not have',
    localEnvProblems(c, env),
  );
  const hosts = c.network.allowPrivateHosts;
  return `${file} is valid for a local run: ${counts(c)}${hosts.length ? `; private hosts allowed: ${hosts.join(', ')}` : ''}`;
}

function validateAws(file: string, c: Config, trial: boolean): string {
  checkAwsTarget(c, file, { trial });
  printNotes('note', awsConfigNotes(c));
  const secrets = [
    ...new Set(
      c.subscribers.flatMap((s) => (s.slack?.webhookUrlSecret ? [s.slack.webhookUrlSecret] : [])),
    ),
  ];
  const slack = secrets.length
    ? `; Slack webhook secrets: ${secrets.join(', ')} (created as <stack name>/<secret>, e.g. strikewatch/${secrets[0]}; put the URL in after the deploy)`
    : '';
  const email = c.delivery.email ? `; email from ${c.delivery.email.from} through SES` : '';
  return `${file} can be deployed${trial ? ' as a trial' : ''}: ${counts(c)}${slack}${email}`;
}

export async function runValidate(
  file: string,
  o: { target?: string; trial?: boolean } = {},
): Promise<void> {
  const target = o.target ?? 'local';
  if (target !== 'local' && target !== 'aws') {
    throw new ConfigError(`--target must be local or aws (got ${target})`);
  }
  if (o.trial && target !== 'aws') throw new ConfigError('--trial goes with --target aws');
  const config = await loadConfigFile(file);
  const line =
    target === 'aws'
      ? validateAws(file, config, o.trial ?? false)
      : validateLocal(file, config, process.env);
  process.stdout.write(`${line}\n`);
}
