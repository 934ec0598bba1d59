import { describe, expect, it } from 'vitest';
import {
  type AddressClass,
  allowEntry,
  classifyAddress,
  isAllowed,
  parseAllowedHost,
} from '../../../../shared/adapters/http/address-policy.ts';

// Pure classification: nothing here connects anywhere.

const cases: Array<[string, AddressClass]> = [
  // IPv4 public
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['93.184.216.34', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['198.17.255.255', 'public'],
  ['198.20.0.0', 'public'],
  // RFC 1918 and CGNAT
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.254', 'private'],
  ['192.168.0.1', 'private'],
  ['100.64.0.1', 'private'],
  ['100.127.255.254', 'private'],
  // loopback, link-local (cloud metadata), unspecified
  ['127.0.0.1', 'loopback'],
  ['127.0.0.2', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.169.254', 'link-local'],
  ['169.254.0.1', 'link-local'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  // multicast, reserved, benchmarking, documentation, broadcast
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['198.18.0.1', 'reserved'],
  ['198.19.255.255', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['198.51.100.1', 'reserved'],
  ['203.0.113.9', 'reserved'],
  ['192.0.0.8', 'reserved'],
  // IPv6
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:82a::200e', 'public'],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf::1', 'link-local'],
  ['fc00::1', 'private'],
  ['fd00:ec2::254', 'private'],
  ['fec0::1', 'private'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['100::1', 'reserved'],
  ['4000::1', 'reserved'],
  // IPv4 embedded in IPv6 is exactly as dangerous as the IPv4 address
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:8.8.8.8', 'public'],
  ['64:ff9b::a00:1', 'private'],
  ['64:ff9b::808:808', 'public'],
  ['2002:a00:1::1', 'private'],
  ['[::1]', 'loopback'],
  // unparseable input is refused
  ['', 'reserved'],
  ['example.com', 'reserved'],
  ['1.2.3.4.5', 'reserved'],
  ['::g', 'reserved'],
];

describe('classifyAddress', () => {
  it.each(cases)('%s is %s', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });
});

describe('isAllowed', () => {
  it('allows public addresses whatever the host', () => {
    expect(isAllowed('news.example', '93.184.216.34', [], 443)).toBe(true);
  });

  it('refuses non-public addresses by default', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '169.254.169.254', '::1', '0.0.0.0', 'fd00::1']) {
      expect(isAllowed('feed.example', ip, [], 443)).toBe(false);
    }
  });

  it('allows a non-public address only for the exact host listed, case-insensitively', () => {
    const allow = ['Intranet.Example', '127.0.0.1', '::1'];
    expect(isAllowed('intranet.example', '10.1.2.3', allow, 443)).toBe(true);
    expect(isAllowed('INTRANET.EXAMPLE', '10.1.2.3', allow, 443)).toBe(true);
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 443)).toBe(true);
    expect(isAllowed('[::1]', '::1', allow, 443)).toBe(true);
    // no suffix, prefix or wildcard matching
    expect(isAllowed('evil.intranet.example', '10.1.2.3', allow, 443)).toBe(false);
    expect(isAllowed('intranet.example.evil', '10.1.2.3', allow, 443)).toBe(false);
    expect(isAllowed('intranet.example.', '10.1.2.3', allow, 443)).toBe(false);
    // internationalised names match in either form
    expect(isAllowed('xn--bcher-kva.example', '10.0.0.1', ['Bücher.example'], 443)).toBe(true);
    expect(isAllowed('bücher.example', '10.0.0.1', ['xn--bcher-kva.example'], 443)).toBe(true);
    // allowing 127.0.0.1 by name does not allow other loopback addresses
    expect(isAllowed('127.0.0.2', '127.0.0.2', allow, 443)).toBe(false);
  });
});

describe('isAllowed with ports', () => {
  it('a host without a port allows ports 80 and 443 only', () => {
    const allow = ['127.0.0.1', 'intranet.example'];
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 80)).toBe(true);
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 443)).toBe(true);
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 8000)).toBe(false);
    expect(isAllowed('intranet.example', '10.0.0.5', allow, 8443)).toBe(false);
  });

  it('an entry with a port allows that port only', () => {
    const allow = ['127.0.0.1:8080', '[::1]:9090', 'feeds.intranet.example:8443'];
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 8080)).toBe(true);
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 8000)).toBe(false);
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 80)).toBe(false);
    expect(isAllowed('[::1]', '::1', allow, 9090)).toBe(true);
    expect(isAllowed('::1', '::1', allow, 443)).toBe(false);
    expect(isAllowed('feeds.intranet.example', '10.1.1.1', allow, 8443)).toBe(true);
    expect(isAllowed('feeds.intranet.example', '10.1.1.1', allow, 443)).toBe(false);
  });

  it('entries for the same host add up', () => {
    const allow = ['127.0.0.1:8080', '127.0.0.1:9000'];
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 8080)).toBe(true);
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 9000)).toBe(true);
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow, 8000)).toBe(false);
  });

  it('public addresses are reached on any port', () => {
    expect(isAllowed('news.example', '93.184.216.34', [], 8080)).toBe(true);
  });

  it('IPv6 entries match in any spelling', () => {
    expect(isAllowed('[::1]', '::1', ['[0:0:0:0:0:0:0:1]:8080'], 8080)).toBe(true);
    expect(isAllowed('[::ffff:7f00:1]', '::ffff:7f00:1', ['::ffff:127.0.0.1'], 443)).toBe(true);
  });
});

describe('parseAllowedHost', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1', [80, 443]],
    ['127.0.0.1:8080', '127.0.0.1', [8080]],
    ['[::1]:8080', '::1', [8080]],
    ['[::1]', '::1', [80, 443]],
    ['::1', '::1', [80, 443]],
    ['fd00::1:8080', 'fd00::1:8080', [80, 443]],
    ['Feeds.Intranet.Example:65535', 'feeds.intranet.example', [65535]],
    ['bücher.example:1', 'xn--bcher-kva.example', [1]],
  ])('reads %s', (entry, host, ports) => {
    expect(parseAllowedHost(entry)).toEqual({ ok: true, host, ports });
  });

  it.each([
    ['', 'empty'],
    ['http://127.0.0.1:8080', 'holds a scheme'],
    ['127.0.0.1:8080/feeds', 'holds a path'],
    ['*.intranet.example', 'holds a wildcard'],
    ['127.0.0.1:0', 'from 1 to 65535'],
    ['127.0.0.1:65536', 'from 1 to 65535'],
    ['127.0.0.1:http', 'from 1 to 65535'],
    ['127.0.0.1:', 'from 1 to 65535'],
    ['[127.0.0.1]:80', 'brackets hold an IPv6 address'],
    ['[::1', 'not an IPv6 address'],
    ['::1:x:8080', 'not an IPv6 address'],
    ['user@host', 'holds a user name'],
    ['intra net', 'holds a space'],
    ['host_with$:80', 'not a host name'],
  ])('refuses %j, saying why', (entry, why) => {
    const parsed = parseAllowedHost(entry);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toContain(why);
      expect(parsed.reason).toContain('[::1]:8080');
    }
  });

  it('suggests the entry an operator would write', () => {
    expect(allowEntry('127.0.0.1', 8080)).toBe('127.0.0.1:8080');
    expect(allowEntry('127.0.0.1', 443)).toBe('127.0.0.1');
    expect(allowEntry('[::1]', 8080)).toBe('[::1]:8080');
    expect(allowEntry('::1', 80)).toBe('[::1]');
  });
});
