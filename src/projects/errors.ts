// Errors of the project use cases, shared by both front doors (HTTP answers 404, the CLI exits 1).

export class ProjectNotFoundError extends Error {
  constructor(readonly projectId: string) {
    super(`Project ${projectId} not found`);
    this.name = 'ProjectNotFoundError';
  }
}
