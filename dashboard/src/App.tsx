// Decides what the tab shows: its project's overview, a preview being created, or the project picker.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api/client.js';
import { createPreview } from './api/create-preview.js';
import { loadSession, saveSession, type ProjectSession } from './api/session.js';
import { useServerInfo } from './api/use-server-info.js';
import { ServerUnreachable } from './components/ServerUnreachable.js';
import { Overview } from './pages/Overview.js';
import { ProjectPicker } from './pages/ProjectPicker.js';

type Creating = { state: 'idle' } | { state: 'creating' } | { state: 'failed'; message: string };

function bootPreviewMode(): boolean | undefined {
  const content = document.querySelector('meta[name=pulse-preview-mode]')?.getAttribute('content');
  return content === 'on' ? true : content === 'off' ? false : undefined;
}

export function App() {
  const info = useServerInfo();
  const [session, setSession] = useState<ProjectSession | undefined>(loadSession);
  const [creating, setCreating] = useState<Creating>({ state: 'idle' });
  // Served by Pulse, index.html carries the preview mode, so a first visit asks for its preview without
  // waiting for /api/v1/info (one round trip less); the Vite dev server's page does not, and waits.
  const previewMode = info.data?.preview_mode ?? bootPreviewMode();

  const choose = useCallback((next: ProjectSession | undefined) => {
    saveSession(next);
    setSession(next);
  }, []);

  // One creation at a time, even if the effect below runs twice before its state update lands (React's
  // StrictMode does that in development).
  const inFlight = useRef(false);
  const newPreview = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setCreating({ state: 'creating' });
    try {
      choose(await createPreview());
      setCreating({ state: 'idle' });
    } catch (error) {
      setCreating({ state: 'failed', message: error instanceof ApiError ? error.message : String(error) });
    } finally {
      inFlight.current = false;
    }
  }, [choose]);

  useEffect(() => {
    if (!session && previewMode && creating.state === 'idle') void newPreview();
  }, [session, previewMode, creating.state, newPreview]);

  let body;
  if (info.error && !info.data) body = <ServerUnreachable error={info.error} onRetry={() => location.reload()} />;
  else if (creating.state === 'creating')
    body = (
      <p className="notice" data-testid="creating">
        Creating your preview project — users, teams, 60 days of events…
      </p>
    );
  else if (creating.state === 'failed')
    body = (
      <p className="notice error" role="alert">
        Could not create a preview: {creating.message} <button onClick={() => void newPreview()}>Try again</button>
      </p>
    );
  else if (session)
    body = (
      <Overview
        key={session.projectId}
        session={session}
        onNewPreview={previewMode ? () => void newPreview() : undefined}
      />
    );
  else if (previewMode === false) body = <ProjectPicker onChoose={choose} />;
  else body = <p className="notice">Loading…</p>;

  return (
    <div className="app">
      <header className="topbar">
        <h1>
          <span className="logo-dot" />
          Pulse
        </h1>
        {session && (
          <code className="project-id" title="project id">
            {session.projectId}
          </code>
        )}
        <div className="topbar-actions">
          {previewMode && (
            <button
              data-testid="new-preview"
              onClick={() => void newPreview()}
              disabled={creating.state === 'creating'}
            >
              New preview
            </button>
          )}
          {previewMode === false && session && <button onClick={() => choose(undefined)}>Switch project</button>}
          <a href="/api/docs">API</a>
        </div>
      </header>
      {body}
    </div>
  );
}
