// Canonical URLs: the same article reached through different links (tracking parameters,
// fragments, host case, default ports, trailing slashes) must get one identity.

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'cmpid',
  'ocid',
  'ito',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'share',
  'rss',
  'from',
  'at_medium',
  'at_campaign',
  'spm',
]);

const isTrackingParam = (name: string): boolean => {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('_hs') || TRACKING_PARAMS.has(n);
};

/**
 * Returns the canonical form of an http(s) URL, or null when the input is not one.
 * Scheme and host are lower-cased, default ports, fragments and tracking parameters dropped,
 * remaining parameters sorted, and a trailing slash removed from non-root paths.
 */
export function canonicalizeUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if (url.hostname.startsWith('www.')) url.hostname = url.hostname.slice(4);
  // http and https copies of a page are the same article; keep one scheme in the identity.
  url.protocol = 'https:';
  if (url.port === '443' || url.port === '80') url.port = '';
  const kept = [...url.searchParams.entries()]
    .filter(([k]) => !isTrackingParam(k))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  url.search = '';
  for (const [k, v] of kept) url.searchParams.append(k, v);
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '');
  }
  return url.toString();
}
