import dns from 'node:dns';
import net, { type LookupFunction } from 'node:net';
import { FetchError } from '../../domain/errors.ts';
import { allowEntry, allowedPorts, classifyAddress, isAllowed } from './address-policy.ts';
import { bareHost, shown } from './http-errors.ts';

// Name resolution with the address (and port) check inside it. The check runs in the socket's own DNS
// lookup and only addresses that passed are handed to the socket, so a second resolution (DNS
// rebinding) cannot swap in an internal address between the check and the connection.

export interface ResolvedAddress {
  address: string;
  family: number;
}

export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  return dns.promises.lookup(hostname, { all: true, verbatim: true });
}

/** Where a request goes, as the guard sees it. */
export interface GuardTarget {
  url: URL;
  redact: boolean;
}

/** "80", "80 and 443", "80, 443 and 8080". */
function listed(ports: readonly number[]): string {
  const all = ports.map(String);
  const last = all.pop() ?? '';
  return all.length ? `${all.join(', ')} and ${last}` : last;
}

/** The port a URL connects to, its scheme's default when it names none. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

export function blockedError(
  target: GuardTarget,
  ip: string,
  allow: readonly string[],
): FetchError {
  const host = bareHost(target.url);
  const port = portOf(target.url);
  const entry = allowEntry(host, port);
  const what = `${ip} is a ${classifyAddress(ip)} address`;
  const open = allowedPorts(host, allow);
  const why = open.length
    ? `network.allowPrivateHosts allows ${host} only on port${open.length > 1 ? 's' : ''} ` +
      `${listed(open)}; if the ` +
      `service on port ${port} is yours, add "${entry}"`
    : 'Private, loopback, link-local and reserved addresses are blocked; if this host is yours, ' +
      `add "${entry}" to network.allowPrivateHosts in the config` +
      (entry === host ? '' : ` (a bare "${host}" allows ports 80 and 443 only)`);
  return new FetchError(
    'blocked_address',
    shown(target.url, target.redact),
    `refused to connect to ${host} port ${port} (${what}). ${why}.`,
  );
}

/**
 * The refusal for a URL whose host is a literal IP that may not be reached, else null. Literal
 * IPs never reach `lookup` (node connects to them directly), so they are checked before.
 */
export function checkLiteralAddress(
  target: GuardTarget,
  allow: readonly string[],
): FetchError | null {
  const host = bareHost(target.url);
  if (net.isIP(host) === 0 || isAllowed(host, host, allow, portOf(target.url))) return null;
  return blockedError(target, host, allow);
}

export interface GuardedLookup {
  lookup: LookupFunction;
  /** The refusal the lookup reported, if it refused: the socket error that follows is this. */
  blocked(): FetchError | null;
}

/** A socket `lookup` that resolves with `resolve` and passes on only allowed addresses. */
export function guardedLookup(
  target: GuardTarget,
  resolve: Resolve,
  allow: readonly string[],
): GuardedLookup {
  const host = bareHost(target.url);
  const port = portOf(target.url);
  let blocked: FetchError | null = null;
  const lookup: LookupFunction = (hostname, options, callback) => {
    resolve(hostname).then(
      (addrs) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const usable = addrs.filter((a) => family === 0 || a.family === family);
        const allowed = usable.filter((a) => isAllowed(host, a.address, allow, port));
        const first = allowed[0];
        if (!first) {
          const refused = usable[0];
          blocked = refused
            ? blockedError(target, refused.address, allow)
            : new FetchError(
                'dns_failed',
                shown(target.url, target.redact),
                `host ${host} has no usable addresses`,
              );
          callback(blocked, '', 0);
          return;
        }
        // Only addresses that passed the check are handed to the socket.
        if (options.all) callback(null, allowed);
        else callback(null, first.address, first.family);
      },
      (err: unknown) => {
        callback(err as NodeJS.ErrnoException, '', 0);
      },
    );
  };
  return { lookup, blocked: () => blocked };
}
