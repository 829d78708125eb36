// The cobe globe in its own chunk: a browser without WebGL never fetches it (it gets the flat map), until
// the chunk arrives an empty box of the globe's size holds its place, and if it never arrives the flat map
// stands in.
import { Suspense } from 'react';
import { ChunkBoundary } from '../components/ChunkBoundary.js';
import { lazyChunk } from '../lazy-chunk.js';
import { FlatMap } from './FlatMap.js';
import { GLOBE_BOX } from './globe-box.js';
import type { GlobeMarker } from './markers.js';

const globe = lazyChunk<{ markers: GlobeMarker[]; still: boolean }>(async () => (await import('./Globe.js')).Globe);

/** Starts fetching the globe chunk (while the live metrics are in flight). */
export function preloadGlobe(): void {
  globe.preload().catch(() => undefined);
}

export function LazyGlobe({ markers, still = false }: { markers: GlobeMarker[]; still?: boolean }) {
  return (
    <ChunkBoundary fallback={() => <FlatMap markers={markers} />}>
      <Suspense
        fallback={
          <div className="globe-canvas placeholder" style={GLOBE_BOX} aria-busy="true" data-testid="globe-placeholder">
            <span className="block-muted">Loading the globe…</span>
          </div>
        }
      >
        <globe.Component markers={markers} still={still} />
      </Suspense>
    </ChunkBoundary>
  );
}
