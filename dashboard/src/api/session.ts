// The project this tab looks at. Kept in sessionStorage: a reload shows the same project, a new tab or a
// closed browser starts fresh, and the admin key never outlives the tab.
const STORAGE_KEY = 'pulse.project';

export interface ProjectSession {
  projectId: string;
  adminKey: string;
  preview: boolean;
}

export function loadSession(): ProjectSession | undefined {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as ProjectSession) : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: ProjectSession | undefined): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}
