// The use case behind `pulse projects create` (and, later, preview projects): a project with one
// admin key and one ingest key, whose secrets are returned once and never stored.
import crypto from 'node:crypto';
import { createProjectRow, type ProjectRow } from '../db/projects.js';
import type { Db } from '../db/store.js';
import { generateApiKey, hashApiKey } from './api-key.js';

export interface CreateProjectInput {
  displayName: string;
  isPreview?: boolean;
  expiresAt?: Date | null;
  now?: Date;
}

export interface CreatedProject {
  project: ProjectRow;
  adminKey: string;
  ingestKey: string;
}

export async function createProject(db: Db, input: CreateProjectInput): Promise<CreatedProject> {
  const adminKey = generateApiKey('admin');
  const ingestKey = generateApiKey('ingest');
  const project = await createProjectRow(
    db,
    {
      id: crypto.randomUUID(),
      displayName: input.displayName,
      isPreview: input.isPreview ?? false,
      createdAt: input.now ?? new Date(),
      expiresAt: input.expiresAt ?? null,
    },
    [
      { id: crypto.randomUUID(), kind: 'admin', hash: hashApiKey(adminKey) },
      { id: crypto.randomUUID(), kind: 'ingest', hash: hashApiKey(ingestKey) },
    ],
  );
  return { project, adminKey, ingestKey };
}
