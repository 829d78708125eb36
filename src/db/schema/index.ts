// Every Postgres table of docs/product.md §2, plus the sync bookkeeping of §5 (sequence, tombstones).
export * from './projects.js';
export * from './users.js';
export * from './teams.js';
export * from './activity.js';
export * from './payments.js';
export * from './sync.js';
export { DEFAULT_BRANCH } from './columns.js';
