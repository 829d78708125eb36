import { describe, expect, it } from 'vitest';
import { globeMarkers } from './markers.js';

const user = (id: string) => ({ id, display_name: id, primary_email: null, profile_image_url: null });
const centroids: Record<string, [number, number]> = { US: [38, -97], JP: [36, 138], DE: [51, 9] };

describe('globeMarkers', () => {
  it('places one marker per live country at its centroid, sized by users, biggest first', () => {
    expect(
      globeMarkers({ JP: [user('a')], US: [user('b'), user('c'), user('d'), user('e')], DE: [] }, centroids),
    ).toEqual([
      { country: 'US', lat: 38, lng: -97, users: 4, size: 0.08 },
      { country: 'JP', lat: 36, lng: 138, users: 1, size: 0.04 },
    ]);
  });

  it('skips countries it cannot place and caps the size', () => {
    const many = Array.from({ length: 100 }, (_, i) => user(String(i)));
    expect(globeMarkers({ ZZ: [user('x')], US: many }, centroids)).toEqual([
      { country: 'US', lat: 38, lng: -97, users: 100, size: 0.12 },
    ]);
  });
});
