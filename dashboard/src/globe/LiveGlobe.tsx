// Live users on a globe, with a 2D fallback and the list of live countries beside it.
import { useMemo } from 'react';
import centroids from 'virtual:country-centroids';
import type { LiveUsersByCountry } from '../../../contract/metrics.js';
import { userName } from '../format.js';
import { FlatMap } from './FlatMap.js';
import { LazyGlobe } from './LazyGlobe.js';
import { globeMarkers } from './markers.js';
import { hasWebGL } from './webgl.js';

/** `still`: draw, but do not rotate yet (see Globe). */
export function LiveGlobe({ byCountry, still = false }: { byCountry: LiveUsersByCountry; still?: boolean }) {
  const markers = useMemo(() => globeMarkers(byCountry, centroids), [byCountry]);
  const webgl = useMemo(hasWebGL, []);
  return (
    <div className="live-globe">
      {webgl ? <LazyGlobe markers={markers} still={still} /> : <FlatMap markers={markers} />}
      <ul className="live-countries" aria-label="Live users by country">
        {markers.map((m) => (
          <li key={m.country}>
            <span className="country-code">{m.country}</span>
            <span className="live-names">{byCountry[m.country]!.map(userName).join(', ')}</span>
            <span className="count">{m.users}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
