import type { generatePreviewDataset } from './index.js';

/** The generator (and faker) load on first use, not at server start-up. */
export async function loadGenerator(): Promise<typeof generatePreviewDataset> {
  return (await import('./index.js')).generatePreviewDataset;
}
