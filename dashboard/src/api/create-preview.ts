import { CreatedPreview } from '../../../contract/preview.js';
import { api } from './client.js';
import type { ProjectSession } from './session.js';

export async function createPreview(): Promise<ProjectSession> {
  const created = await api('/api/v1/preview/projects', CreatedPreview, { method: 'POST', body: JSON.stringify({}) });
  return { projectId: created.project_id, adminKey: created.admin_key, preview: true };
}
