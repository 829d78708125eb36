// The overview's window, kept in the page URL (`?range=7d`), so a reload, the back button or a shared
// link shows the same days. The default (30d) leaves the URL without it.
import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_RANGE, RANGE_NAMES, type RangeName } from '../../../contract/metrics.js';

const PARAM = 'range';

/** The range a page URL's query string asks for; anything unknown is the default. */
export function rangeFromSearch(search: string): RangeName {
  const asked = new URLSearchParams(search).get(PARAM);
  return RANGE_NAMES.find((name) => name === asked) ?? DEFAULT_RANGE;
}

/** The query string with `range` set (or dropped for the default), other parameters kept. */
export function searchWithRange(search: string, range: RangeName): string {
  const params = new URLSearchParams(search);
  if (range === DEFAULT_RANGE) params.delete(PARAM);
  else params.set(PARAM, range);
  const next = params.toString();
  return next ? `?${next}` : '';
}

/** The query string of GET /metrics for a range: none for the default (the request the page may have started early). */
export const metricsSearch = (range: RangeName): string => (range === DEFAULT_RANGE ? '' : `?${PARAM}=${range}`);

/** The page's range and a setter that records the choice as a new history entry. */
export function useRange(): [RangeName, (range: RangeName) => void] {
  const [range, setRange] = useState(() => rangeFromSearch(window.location.search));
  useEffect(() => {
    const follow = () => setRange(rangeFromSearch(window.location.search));
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const choose = useCallback((next: RangeName) => {
    const { pathname, search, hash } = window.location;
    window.history.pushState(null, '', `${pathname}${searchWithRange(search, next)}${hash}`);
    setRange(next);
  }, []);
  return [range, choose];
}
