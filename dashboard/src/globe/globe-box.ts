import type { CSSProperties } from 'react';

/** The globe's size in CSS px (the canvas draws at this times the device pixel ratio). */
export const GLOBE_SIZE_PX = 480;

/** The box of the globe canvas, shared with its placeholder while cobe loads, so nothing jumps. */
export const GLOBE_BOX: CSSProperties = { width: GLOBE_SIZE_PX, height: GLOBE_SIZE_PX, maxWidth: '100%', aspectRatio: '1' };
