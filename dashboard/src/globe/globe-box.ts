import type { CSSProperties } from 'react';

/** The globe's largest size in CSS px; on a narrower block it takes the block's width. */
export const GLOBE_MAX_PX = 480;

/**
 * The box of the globe canvas, shared with its placeholder while cobe loads, so nothing jumps: as wide as
 * its block allows, up to GLOBE_MAX_PX, and always square (the height follows the width).
 */
export const GLOBE_BOX: CSSProperties = { width: '100%', maxWidth: GLOBE_MAX_PX, height: 'auto', aspectRatio: '1' };
