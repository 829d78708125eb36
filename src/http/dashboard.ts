// Serves the built dashboard (dist/dashboard) at `/`. Unknown non-API GETs get index.html (client-side
// routing); API paths keep their JSON 404. Without a build, `/` explains how to make one.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

export function dashboardAvailable(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

/** What the page needs before its first request, written into index.html so it need not ask /api/v1/info. */
export interface DashboardBoot {
  previewMode: boolean;
}

export const dashboardRoutes =
  (dir: string, boot: DashboardBoot): FastifyPluginAsync =>
  async (app) => {
    if (dashboardAvailable(dir)) {
      // `/` (and every client route, through the not-found handler) gets index.html with the boot facts;
      // files, /index.html included, come from @fastify/static as they are.
      await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: false });
      app.get('/', { schema: { hide: true } }, (_request, reply) => sendDashboardIndex(reply, dir, boot));
      return;
    }
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html')
        .send(
          '<!doctype html><title>Pulse</title><p>The dashboard is not built. Run <code>npm run build</code> (or <code>npm install</code>), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p>',
        ),
    );
  };

/** For the not-found handler: should this request get the dashboard's index.html? */
export function wantsDashboard(request: FastifyRequest, dir: string | undefined): dir is string {
  if (!dir || request.method !== 'GET') return false;
  const url = request.url.split('?')[0]!;
  if (url.startsWith('/api/') || url === '/healthz' || url === '/readyz' || path.extname(url)) return false;
  return dashboardAvailable(dir);
}

export async function sendDashboardIndex(reply: FastifyReply, dir: string, boot: DashboardBoot): Promise<FastifyReply> {
  const html = await fs.promises.readFile(path.join(dir, 'index.html'), 'utf8');
  // A fixed tag with a fixed value: nothing from the request goes into the page. First in <head>, so the
  // early-start script that reads it can run before the stylesheet (an inline script waits for every
  // stylesheet above it).
  const meta = `<meta name="pulse-preview-mode" content="${boot.previewMode ? 'on' : 'off'}" />`;
  return reply
    .type('text/html')
    .header('cache-control', 'no-cache')
    .send(html.replace('<head>', `<head>\n    ${meta}`));
}
