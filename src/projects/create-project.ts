// The use case behind `pulse projects create` (and preview projects): a project with one admin key and
// one ingest key, whose secrets are returned once and never stored.
import crypto from 'node:crypto';
import { createProjectRow, type NewApiKey, type NewProject, type ProjectRow } from '../db/projects.js';
import type { Db } from '../db/store.js';
import { generateApiKey, hashApiKey } from './api-key.js';

export interface CreateProjectInput {
  displayName: string;
  isPreview?: boolean;
  expiresAt?: Date | null;
  previewParams?: NewProject['previewParams'];
  now?: Date;
  /** Chosen by the caller when other rows must reference the project before it exists. */
  id?: string;
}

export interface CreatedProject {
  project: ProjectRow;
  adminKey: string;
  ingestKey: string;
}

/** Fresh secrets and the hashed rows that stand for them. */
export function newProjectKeys(): { adminKey: string; ingestKey: string; rows: NewApiKey[] } {
  const adminKey = generateApiKey('admin');
  const ingestKey = generateApiKey('ingest');
  return {
    adminKey,
    ingestKey,
    rows: [
      { id: crypto.randomUUID(), kind: 'admin', hash: hashApiKey(adminKey) },
      { id: crypto.randomUUID(), kind: 'ingest', hash: hashApiKey(ingestKey) },
    ],
  };
}

/** Inserts the project and its keys (in `db`, which may be the caller's transaction). */
export async function createProject(db: Db, input: CreateProjectInput): Promise<CreatedProject> {
  const keys = newProjectKeys();
  const project = await createProjectRow(
    db,
    {
      id: input.id ?? crypto.randomUUID(),
      displayName: input.displayName,
      isPreview: input.isPreview ?? false,
      createdAt: input.now ?? new Date(),
      expiresAt: input.expiresAt ?? null,
      previewParams: input.previewParams ?? null,
    },
    keys.rows,
  );
  return { project, adminKey: keys.adminKey, ingestKey: keys.ingestKey };
}
