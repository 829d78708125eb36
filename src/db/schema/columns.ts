// Column helpers shared by every project-scoped table.
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DEFAULT_BRANCH } from '../../branch.js';
import { projects } from './projects.js';

export { DEFAULT_BRANCH };

export const projectColumns = () => ({
  projectId: uuid('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
  branchId: text('branch_id').notNull().default(DEFAULT_BRANCH),
});

export const instant = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
