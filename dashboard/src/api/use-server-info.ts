import { ServerInfo } from '../../../contract/api.js';
import { api } from './client.js';
import { usePolling } from './use-polling.js';

export function useServerInfo() {
  return usePolling(() => api('/api/v1/info', ServerInfo), 600_000, []);
}
