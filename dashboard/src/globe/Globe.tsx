// The live globe (cobe, WebGL): markers update in place, the globe rotates slowly (not at all when the
// person prefers reduced motion). Pure: props in, pixels out. Rendered through LazyGlobe, so cobe is
// fetched only where WebGL works.
import createGlobe, { type Globe as CobeGlobe } from 'cobe';
import { useEffect, useRef } from 'react';
import { usePrefersReducedMotion } from '../a11y/reduced-motion.js';
import { GLOBE_BOX, GLOBE_MAX_PX } from './globe-box.js';
import type { GlobeMarker } from './markers.js';

/** Radians per millisecond: one turn in ~35 s. */
const ROTATION_SPEED = 0.00018;
/**
 * At most ~30 redraws a second. cobe draws on each update(); without a GPU (software WebGL) every frame
 * costs CPU that the charts, and on a small machine the server itself, are waiting for.
 */
const FRAME_MS = 33;
/** A still globe is redrawn this often: cobe draws only on update(), and its map texture loads after the first draw. */
const STILL_FRAME_MS = 1_000;

/**
 * `still`: drawn, but not rotating. The overview holds the globe still until its figures arrive: on the
 * first visit of `npm start`, browser and server share one machine, and software WebGL frames would take
 * CPU from the server computing them.
 */
export function Globe({ markers, still = false }: { markers: GlobeMarker[]; still?: boolean }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const globeRef = useRef<CobeGlobe | null>(null);
  const reducedMotion = usePrefersReducedMotion();
  const stillRef = useRef(still);
  stillRef.current = still || reducedMotion;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    // cobe sizes the drawing buffer as width × devicePixelRatio: width is in CSS px.
    const cssSize = () => Math.round(canvas.clientWidth) || GLOBE_MAX_PX;
    let phi = 0;
    const globe = createGlobe(canvas, {
      devicePixelRatio: dpr,
      width: cssSize(),
      height: cssSize(),
      phi,
      theta: 0.25,
      dark: 1,
      diffuse: 1.2,
      mapSamples: 16_000,
      mapBrightness: 6,
      baseColor: [0.25, 0.27, 0.35],
      markerColor: [0.35, 0.85, 0.65],
      glowColor: [0.3, 0.35, 0.5],
      markers: [],
    });
    globeRef.current = globe;
    // The buffer follows the box (a phone's narrow block, a rotated tablet): sharp, and no pixels drawn in vain.
    const resized = new ResizeObserver(() => {
      const size = cssSize();
      if (canvas.width !== Math.round(size * dpr)) globe.update({ width: size, height: size });
    });
    resized.observe(canvas);
    // The angle drawn, for tests that tell a still globe from a turning one without comparing pixels.
    canvas.dataset.phi = String(phi);
    let drawnAt = performance.now();
    let stillDrawnAt = drawnAt;
    let frame = requestAnimationFrame(function spin(now) {
      if (stillRef.current) {
        drawnAt = now;
        if (now - stillDrawnAt >= STILL_FRAME_MS) {
          stillDrawnAt = now;
          globe.update({});
        }
      } else if (now - drawnAt >= FRAME_MS) {
        phi += (now - drawnAt) * ROTATION_SPEED;
        drawnAt = now;
        globe.update({ phi });
        canvas.dataset.phi = String(phi);
      }
      frame = requestAnimationFrame(spin);
    });
    return () => {
      resized.disconnect();
      cancelAnimationFrame(frame);
      globe.destroy();
      globeRef.current = null;
    };
  }, []);

  useEffect(() => {
    globeRef.current?.update({
      markers: markers.map((m) => ({ location: [m.lat, m.lng], size: m.size, id: m.country })),
    });
  }, [markers]);

  const countries = markers.length === 1 ? '1 country' : `${markers.length} countries`;
  return (
    <canvas
      ref={canvasRef}
      className="globe-canvas"
      data-testid="globe"
      style={GLOBE_BOX}
      role="img"
      aria-label={`Globe of live users in ${countries} (listed beside it)`}
    />
  );
}
