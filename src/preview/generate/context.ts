// What every step of a generation shares: where rows belong, the one PRNG, the id factory and the clock.
import type { EventScope } from '../../events/event-rows.js';
import type { DailyCycle } from './daily-cycle.js';
import type { IdFactory } from './ids.js';
import type { Random } from './random.js';
import type { Timeline } from './timeline.js';

export interface GenerationContext {
  scope: EventScope;
  random: Random;
  ids: IdFactory;
  timeline: Timeline;
  cycle: DailyCycle;
}
