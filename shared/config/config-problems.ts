import { type AddressClass, classifyAddress, isAllowed } from '../adapters/http/address-policy.ts';
import { ConfigError } from '../domain/errors.ts';

// What the target rules (local-target.ts, aws-target.ts) share: a problem at a path of the
// config, written as the schema's own messages are, and how hosts in a config are classified.

export interface ConfigProblem {
  path: readonly (string | number)[];
  message: string;
}

/** `  - path: message` lines, as the schema's errors are written. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems
    .map((p) => `  - ${p.path.length ? p.path.join('.') : '(root)'}: ${p.message}`)
    .join('\n');
}

/** Throws one ConfigError listing every problem, or returns when there is none. */
export function throwProblems(problems: readonly ConfigProblem[], heading: string): void {
  if (problems.length) throw new ConfigError(`${heading}\n${formatProblems(problems)}`);
}

export interface HostPort {
  host: string;
  port: number;
}

/** Host and port of an http(s) URL (the port the scheme implies when none is written). */
export function urlHostPort(url: string): HostPort | null {
  try {
    const u = new URL(url);
    const port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
    return { host: u.hostname, port };
  } catch {
    return null;
  }
}

/**
 * The class of a host written in a config: an IP literal (any form the address policy reads,
 * brackets allowed) by its address, `localhost` and `*.localhost` as loopback, any other name as
 * 'name' (checked when it is resolved, at every request).
 */
export function hostClass(host: string): AddressClass | 'name' {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return 'loopback';
  const klass = classifyAddress(h);
  // classifyAddress calls whatever does not parse as an address 'reserved': a name.
  if (klass === 'reserved' && !/^[\d.]+$|:|^\[/.test(h)) return 'name';
  return klass;
}

/** The class of a host the address policy refuses unless allowPrivateHosts lists it, or null. */
export function privateClass(host: string): AddressClass | null {
  const klass = hostClass(host);
  return klass === 'public' || klass === 'name' ? null : klass;
}

/** A private host that network.allowPrivateHosts does not open on that port. */
export function refusedHost(
  target: HostPort,
  allowPrivateHosts: readonly string[],
): AddressClass | null {
  const klass = privateClass(target.host);
  if (!klass) return null;
  const literal = target.host.replace(/^\[|\]$/g, '');
  return isAllowed(target.host, literal, allowPrivateHosts, target.port) ? null : klass;
}

/** Domains reserved for examples (RFC 2606, RFC 6761): nothing sent there arrives. */
export function isExampleDomain(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  return (
    /(^|\.)example\.(org|com|net)$/.test(h) ||
    /\.(example|test|invalid)$/.test(h) ||
    ['example', 'test', 'invalid'].includes(h)
  );
}

/** The domain of an email address, or the host of a URL; null when neither parses. */
export function domainOf(addressOrUrl: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(addressOrUrl)) return urlHostPort(addressOrUrl)?.host ?? null;
  const at = addressOrUrl.lastIndexOf('@');
  return at >= 0 ? addressOrUrl.slice(at + 1) : null;
}

const CLASS_WORDS: Record<AddressClass, string> = {
  public: 'a public address',
  private: 'a private address',
  loopback: 'a loopback address (this machine)',
  'link-local': 'a link-local address (cloud metadata and runtime endpoints live there)',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  unspecified: 'the unspecified address',
};

export function describeClass(klass: AddressClass): string {
  return CLASS_WORDS[klass];
}
