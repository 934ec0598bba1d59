// What every feed request sends, whether a scheduled poll or `strikewatch feed check`: the two
// must fetch a feed the same way, or a check could pass on a feed the poller is refused.

/** Accept header for feed requests; some servers pick the feed or the HTML page by it. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
