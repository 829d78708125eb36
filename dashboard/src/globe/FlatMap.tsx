// The 2D fallback when WebGL is unavailable: an equirectangular grid with one dot per live country.
import type { GlobeMarker } from './markers.js';

const WIDTH = 360;
const HEIGHT = 180;

export function FlatMap({ markers }: { markers: GlobeMarker[] }) {
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="flat-map"
      role="img"
      aria-label="Live users by country (2D map)"
      data-testid="flat-map"
    >
      <rect width={WIDTH} height={HEIGHT} rx="6" className="flat-map-sea" />
      {[-60, -30, 0, 30, 60].map((lat) => (
        <line key={lat} x1="0" x2={WIDTH} y1={90 - lat} y2={90 - lat} className="flat-map-grid" />
      ))}
      {markers.map((m) => (
        <g key={m.country} transform={`translate(${m.lng + 180} ${90 - m.lat})`}>
          <circle r={3 + m.size * 60} className="flat-map-dot" />
          <text y={-6 - m.size * 60} textAnchor="middle" className="flat-map-label">{`${m.country} ${m.users}`}</text>
        </g>
      ))}
    </svg>
  );
}
