// Without preview mode: open a project with its id and admin key (checked against the API first).
import { useState, type FormEvent } from 'react';
import { Project } from '../../../contract/api.js';
import { api, ApiError } from '../api/client.js';
import type { ProjectSession } from '../api/session.js';

export function ProjectPicker({ onChoose }: { onChoose: (session: ProjectSession) => void }) {
  const [projectId, setProjectId] = useState('');
  const [adminKey, setAdminKey] = useState('');
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await api(`/api/v1/projects/${encodeURIComponent(projectId.trim())}`, Project, { key: adminKey.trim() });
      onChoose({ projectId: projectId.trim(), adminKey: adminKey.trim(), preview: false });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <form className="picker" onSubmit={(e) => void submit(e)}>
      <h2>Open a project</h2>
      <p className="block-muted">
        Preview mode is off on this server. Create a project with <code>pulse projects create --name "My app"</code>.
      </p>
      <label>
        Project id
        <input value={projectId} onChange={(e) => setProjectId(e.target.value)} required />
      </label>
      <label>
        Admin key
        <input value={adminKey} onChange={(e) => setAdminKey(e.target.value)} type="password" required />
      </label>
      {error && (
        <p className="block-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">Open</button>
    </form>
  );
}
