import { describe, expect, it } from 'vitest';
import {
  type AddressClass,
  classifyAddress,
  isAllowed,
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
    expect(isAllowed('news.example', '93.184.216.34', [])).toBe(true);
  });

  it('refuses non-public addresses by default', () => {
    for (const ip of ['127.0.0.1', '10.0.0.1', '169.254.169.254', '::1', '0.0.0.0', 'fd00::1']) {
      expect(isAllowed('feed.example', ip, [])).toBe(false);
    }
  });

  it('allows a non-public address only for the exact host listed, case-insensitively', () => {
    const allow = ['Intranet.Example', '127.0.0.1', '::1'];
    expect(isAllowed('intranet.example', '10.1.2.3', allow)).toBe(true);
    expect(isAllowed('INTRANET.EXAMPLE', '10.1.2.3', allow)).toBe(true);
    expect(isAllowed('127.0.0.1', '127.0.0.1', allow)).toBe(true);
    expect(isAllowed('[::1]', '::1', allow)).toBe(true);
    // no suffix, prefix or wildcard matching
    expect(isAllowed('evil.intranet.example', '10.1.2.3', allow)).toBe(false);
    expect(isAllowed('intranet.example.evil', '10.1.2.3', allow)).toBe(false);
    expect(isAllowed('intranet.example.', '10.1.2.3', allow)).toBe(false);
    // internationalised names match in either form
    expect(isAllowed('xn--bcher-kva.example', '10.0.0.1', ['Bücher.example'])).toBe(true);
    expect(isAllowed('bücher.example', '10.0.0.1', ['xn--bcher-kva.example'])).toBe(true);
    // allowing 127.0.0.1 by name does not allow other loopback addresses
    expect(isAllowed('127.0.0.2', '127.0.0.2', allow)).toBe(false);
  });
});
