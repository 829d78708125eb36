import { CreatedPreview } from '../../../contract/preview.js';
import { api, readResponse } from './client.js';
import { takeEarlyPreview } from './early-start.js';
import type { ProjectSession } from './session.js';

const PATH = '/api/v1/preview/projects';

export async function createPreview(): Promise<ProjectSession> {
  // The page may have asked already (early-start.ts); only the first preview of a visit comes that way.
  const early = takeEarlyPreview();
  const created = early
    ? await readResponse(early, PATH, CreatedPreview)
    : await api(PATH, CreatedPreview, { method: 'POST', body: JSON.stringify({}) });
  return { projectId: created.project_id, adminKey: created.admin_key, preview: true };
}
