import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';

// Which addresses a fetch may connect to. Feed URLs come from config and from redirects chosen by
// remote servers, so a hostile feed could otherwise point the poller at cloud metadata
// (169.254.169.254), the VPC, or services on localhost. Anything not plainly public is refused
// unless the operator names the exact host in network.allowPrivateHosts, and the port: allowing
// 127.0.0.1 for a site on port 8080 must not open the database on 127.0.0.1:8000 beside it, so
// an entry without a port allows only 80 and 443.

export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'multicast'
  | 'reserved'
  | 'unspecified';

/** ipaddr.js range names that mean the same in both families. */
const COMMON_RANGES: Record<string, AddressClass> = {
  unspecified: 'unspecified',
  loopback: 'loopback',
  linkLocal: 'link-local',
  multicast: 'multicast',
};

const V4_RANGES: Record<string, AddressClass> = {
  ...COMMON_RANGES,
  unicast: 'public',
  private: 'private',
  carrierGradeNat: 'private',
};

function classifyV4(addr: ipaddr.IPv4): AddressClass {
  // Anything else (broadcast, reserved incl. 198.18/15, 240/4, documentation nets, as112, amt,
  // and any range a future ipaddr.js adds) is nothing a news feed lives on.
  return V4_RANGES[addr.range()] ?? 'reserved';
}

/** The IPv4 address carried in the low 32 bits of an IPv6 address. */
function lowV4(addr: ipaddr.IPv6): ipaddr.IPv4 {
  const b = addr.toByteArray();
  return new ipaddr.IPv4(b.slice(12, 16));
}

function classifyV6(addr: ipaddr.IPv6): AddressClass {
  const range = addr.range();
  const common = COMMON_RANGES[range];
  if (common) return common;
  switch (range) {
    case 'uniqueLocal':
      return 'private';
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      // ::ffff:127.0.0.1 and NAT64 64:ff9b::a.b.c.d reach the embedded IPv4 address, so they
      // are exactly as dangerous as that address.
      return classifyV4(lowV4(addr));
    case '6to4': {
      // 2002:AABB:CCDD::/48 tunnels to IPv4 AA.BB.CC.DD.
      const b = addr.toByteArray();
      return classifyV4(new ipaddr.IPv4(b.slice(2, 6)));
    }
    case 'unicast': {
      // Only 2000::/3 is assigned global unicast; the rest (incl. deprecated IPv4-compatible
      // ::a.b.c.d) is not somewhere a feed is served from.
      const first = addr.parts[0] ?? 0;
      return first >= 0x2000 && first <= 0x3fff ? 'public' : 'reserved';
    }
    default: {
      // fec0::/10 site-local is private in spirit; teredo, orchid, benchmarking, discard,
      // documentation etc. are reserved.
      const first = addr.parts[0] ?? 0;
      if ((first & 0xffc0) === 0xfec0) return 'private';
      return 'reserved';
    }
  }
}

/**
 * Classify an IP address string (IPv4, IPv6, IPv4-mapped IPv6, optional %zone).
 * Anything that does not parse is 'reserved', so callers refuse it.
 */
export function classifyAddress(ip: string): AddressClass {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  // ipaddr.js also accepts shorthand like "127.1" or "0x7f.1"; the value is what matters and is
  // classified correctly, so accepting them is safe.
  if (!ipaddr.isValid(text)) return 'reserved';
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(text);
  } catch {
    return 'reserved';
  }
  return parsed.kind() === 'ipv4'
    ? classifyV4(parsed as ipaddr.IPv4)
    : classifyV6(parsed as ipaddr.IPv6);
}

/** Ports a bare host entry (no ":port") allows: the web's own, never a side service's. */
export const DEFAULT_ALLOWED_PORTS: readonly number[] = [80, 443];

/** One network.allowPrivateHosts entry, read. */
export interface AllowedHost {
  /** Canonical host (lower case, punycode, IPv6 without brackets in its compact form). */
  host: string;
  ports: readonly number[];
}

export type AllowedHostParse = ({ ok: true } & AllowedHost) | { ok: false; reason: string };

const ENTRY_FORMS =
  'write a host name or IP address, optionally with a port: "127.0.0.1:8080", "[::1]:8080", ' +
  '"feeds.intranet.example" (a host without a port allows ports 80 and 443 only)';

/** What an entry holds that a host entry must not (a URL's other parts), or null. */
function extraneousPart(e: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(e)) return 'a scheme: write the host only';
  if (/[/?#\\]/.test(e)) return 'a path';
  if (e.includes('@')) return 'a user name';
  if (e.includes('*')) return 'a wildcard: list each host';
  if (/\s/.test(e)) return 'a space';
  return null;
}

/**
 * Read an allowPrivateHosts entry: `host`, `host:port`, `[ipv6]`, `[ipv6]:port`, or a bare IPv6
 * address (no port: "::1:8080" is itself an address). Refuses anything else with the reason.
 */
export function parseAllowedHost(entry: string): AllowedHostParse {
  const e = entry.trim();
  const fail = (why: string): AllowedHostParse => ({
    ok: false,
    reason: `"${entry}" is not a host entry (${why}); ${ENTRY_FORMS}`,
  });
  if (e === '') return fail('it is empty');
  const extra = extraneousPart(e);
  if (extra) return fail(`it holds ${extra}`);
  const bracketed = /^\[([^\]]*)\](?::(\d*))?$/.exec(e);
  let host: string;
  let port: string | undefined;
  if (bracketed) {
    host = bracketed[1] ?? '';
    port = bracketed[2];
    if (!ipaddr.IPv6.isValid(host)) return fail('brackets hold an IPv6 address');
  } else if ((e.match(/:/g) ?? []).length > 1) {
    host = e;
    if (!ipaddr.IPv6.isValid(host)) return fail('not an IPv6 address; write a port as [::1]:8080');
  } else {
    [host = '', port] = e.split(':');
    if (!/^[a-z0-9._-]+$/i.test(canonicalHost(host))) return fail('not a host name or address');
  }
  if (port === undefined) {
    return { ok: true, host: canonicalHost(host), ports: DEFAULT_ALLOWED_PORTS };
  }
  const n = /^\d{1,5}$/.test(port) ? Number(port) : 0;
  if (n < 1 || n > 65_535) return fail('a port is a number from 1 to 65535');
  return { ok: true, host: canonicalHost(host), ports: [n] };
}

/** The entries that name `host` (any port), read; unreadable entries name nothing. */
function entriesFor(host: string, allowPrivateHosts: readonly string[]): AllowedHost[] {
  const wanted = canonicalHost(host);
  const out: AllowedHost[] = [];
  for (const entry of allowPrivateHosts) {
    const parsed = parseAllowedHost(entry);
    if (parsed.ok && parsed.host === wanted) out.push(parsed);
  }
  return out;
}

/**
 * Whether a connection to `ip` on `port` (`ip` being what `host` resolved to, or `host` itself
 * when it is a literal) may be made. Public addresses always; anything else only when the exact
 * host name (case-insensitive, no wildcard or suffix matching) is listed in allowPrivateHosts
 * with that port, or without a port and `port` is 80 or 443.
 */
export function isAllowed(
  host: string,
  ip: string,
  allowPrivateHosts: readonly string[],
  port: number,
): boolean {
  if (classifyAddress(ip) === 'public') return true;
  return entriesFor(host, allowPrivateHosts).some((e) => e.ports.includes(port));
}

/** The ports allowPrivateHosts opens for `host` (empty when the host is not listed). */
export function allowedPorts(host: string, allowPrivateHosts: readonly string[]): number[] {
  const ports = entriesFor(host, allowPrivateHosts).flatMap((e) => e.ports);
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** The allowPrivateHosts entry that would allow `host` on `port`, as an operator writes it. */
export function allowEntry(host: string, port: number): string {
  const h = canonicalHost(host);
  const shownHost = h.includes(':') ? `[${h}]` : h;
  return DEFAULT_ALLOWED_PORTS.includes(port) ? shownHost : `${shownHost}:${port}`;
}

/**
 * Lower-cases, strips IPv6 brackets ("[::1]" in a URL matches "::1" in config), writes IP
 * addresses in one form ("0:0::1" matches "::1") and converts internationalised names to the
 * punycode form URLs carry ("bücher.example" matches "xn--bcher-kva.example").
 */
function canonicalHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (ipaddr.IPv6.isValid(h)) return ipaddr.IPv6.parse(h).toString();
  if (ipaddr.IPv4.isValidFourPartDecimal(h)) return ipaddr.IPv4.parse(h).toString();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any non-ASCII character
  if (/[^\u0000-\u007f]/.test(h)) h = domainToASCII(h) || h;
  return h;
}
