import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';

// Which addresses a fetch may connect to. Feed URLs come from config and from redirects chosen by
// remote servers, so a hostile feed could otherwise point the poller at cloud metadata
// (169.254.169.254), the VPC, or services on localhost. Anything not plainly public is refused
// unless the operator names the exact host in network.allowPrivateHosts.

export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'multicast'
  | 'reserved'
  | 'unspecified';

function classifyV4(addr: ipaddr.IPv4): AddressClass {
  switch (addr.range()) {
    case 'unicast':
      return 'public';
    case 'unspecified':
      return 'unspecified';
    case 'loopback':
      return 'loopback';
    case 'linkLocal':
      return 'link-local';
    case 'multicast':
      return 'multicast';
    case 'private':
    case 'carrierGradeNat':
      return 'private';
    default:
      // broadcast, reserved (incl. 198.18/15, 240/4, documentation nets), as112, amt, and any
      // range a future ipaddr.js adds: nothing a news feed lives on.
      return 'reserved';
  }
}

/** The IPv4 address carried in the low 32 bits of an IPv6 address. */
function lowV4(addr: ipaddr.IPv6): ipaddr.IPv4 {
  const b = addr.toByteArray();
  return new ipaddr.IPv4(b.slice(12, 16));
}

function classifyV6(addr: ipaddr.IPv6): AddressClass {
  switch (addr.range()) {
    case 'unspecified':
      return 'unspecified';
    case 'loopback':
      return 'loopback';
    case 'linkLocal':
      return 'link-local';
    case 'multicast':
      return 'multicast';
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

/**
 * Whether a connection to `ip` (which `host` resolved to, or `host` itself when it is a literal)
 * may be made. Public addresses always; anything else only when the exact host name
 * (case-insensitive, no wildcard or suffix matching) is listed in allowPrivateHosts.
 */
export function isAllowed(host: string, ip: string, allowPrivateHosts: readonly string[]): boolean {
  if (classifyAddress(ip) === 'public') return true;
  const wanted = normaliseHost(host);
  return allowPrivateHosts.some((h) => normaliseHost(h) === wanted);
}

/**
 * Lower-cases, strips IPv6 brackets ("[::1]" in a URL matches "::1" in config) and converts
 * internationalised names to the punycode form URLs carry ("bücher.example" matches
 * "xn--bcher-kva.example").
 */
function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any non-ASCII character
  if (/[^\u0000-\u007f]/.test(h)) h = domainToASCII(h) || h;
  return h;
}
