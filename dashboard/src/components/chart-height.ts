/** Height of every daily chart, in px: the lazy chart's placeholder takes the same, so nothing jumps. */
export const CHART_HEIGHT = 200;
