// Every Postgres table of PRODUCT.md §2. Sync bookkeeping (sequence ids, tombstones) arrives with the sync issue.
export * from './projects.js';
export * from './users.js';
export * from './teams.js';
export * from './activity.js';
export * from './payments.js';
export { DEFAULT_BRANCH } from './columns.js';
