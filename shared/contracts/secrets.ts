// Secrets the stack creates (Slack webhook URLs) and the adapter that reads them agree on two
// things: the name a secret gets in AWS, and the placeholder it holds until the operator puts the
// real value.

/**
 * The key of the placeholder JSON. Secrets Manager generates the secret's first value from
 * `SECRET_PLACEHOLDER_TEMPLATE` plus a random string under `random`, so no value is ever in the
 * template, and the adapter can tell "not put yet" from a wrong value.
 */
export const SECRET_PLACEHOLDER_KEY = 'strikewatchPlaceholder';
export const SECRET_PLACEHOLDER_RANDOM_KEY = 'random';
export const SECRET_PLACEHOLDER_TEMPLATE = JSON.stringify({
  [SECRET_PLACEHOLDER_KEY]:
    'not set yet: put the real value with aws secretsmanager put-secret-value',
});

/** True for the value the stack wrote at creation (the operator has not put the real one). */
export function isSecretPlaceholder(value: string): boolean {
  // Parsed, not matched: Secrets Manager decides the key order and spacing of what it generates.
  if (!value.trimStart().startsWith('{')) return false;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && SECRET_PLACEHOLDER_KEY in parsed;
  } catch {
    return false;
  }
}

/**
 * The name in AWS of a secret the config names `id` (`webhookUrlSecret`): prefixed with the stack
 * name, so that two stacks in one account never share (or fight over) a secret. A full ARN names
 * an existing secret and is used as it is.
 */
export function stackSecretName(stackName: string, id: string): string {
  return id.startsWith('arn:') ? id : `${stackName}/${id}`;
}
