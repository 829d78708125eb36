// Every row is scoped to (project, branch). Pulse serves one branch per project today; the column is
// there so branches can come without a migration of every table.
export const DEFAULT_BRANCH = 'main';
