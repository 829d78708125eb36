// DailyChart with recharts in its own chunk, fetched while /metrics is in flight. The cards never wait for
// it: a chart rendered before its chunk is in is a placeholder of the chart's height (nothing jumps) and
// draws when the chunk arrives.
import { Suspense } from 'react';
import { lazyChunk } from '../lazy-chunk.js';
import { CHART_HEIGHT } from './chart-height.js';
import { ChunkBoundary } from './ChunkBoundary.js';
import type { DailyChartProps } from './DailyChart.js';

const chart = lazyChunk<DailyChartProps>(async () => (await import('./DailyChart.js')).DailyChart);

/** Starts fetching the chart chunk early; a failure shows where a chart renders. */
export function preloadDailyChart(): void {
  chart.preload().catch(() => undefined);
}

export function LazyDailyChart(props: DailyChartProps) {
  return (
    <ChunkBoundary
      fallback={(error) => (
        <p className="block-error" role="alert">
          Could not load the chart: {error.message}
        </p>
      )}
    >
      <Suspense
        fallback={
          <div
            className="chart-placeholder"
            style={{ height: CHART_HEIGHT }}
            aria-busy="true"
            data-testid="chart-placeholder"
          >
            <span className="block-muted">Loading the chart…</span>
          </div>
        }
      >
        <chart.Component {...props} />
      </Suspense>
    </ChunkBoundary>
  );
}
