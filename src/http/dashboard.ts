// Serves the built dashboard (dist/dashboard) at `/`. Unknown non-API GETs get index.html (client-side
// routing); API paths keep their JSON 404. Without a build, `/` explains how to make one.
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

export function dashboardAvailable(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

export const dashboardRoutes =
  (dir: string): FastifyPluginAsync =>
  async (app) => {
    if (dashboardAvailable(dir)) {
      await app.register(fastifyStatic, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
      return;
    }
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/html')
        .send('<!doctype html><title>Pulse</title><p>The dashboard is not built. Run <code>npm run build</code> (or <code>npm install</code>), then reload. The API is at <a href="/api/docs">/api/docs</a>.</p>'),
    );
  };

/** For the not-found handler: should this request get the dashboard's index.html? */
export function wantsDashboard(request: FastifyRequest, dir: string | undefined): dir is string {
  if (!dir || request.method !== 'GET') return false;
  const url = request.url.split('?')[0]!;
  if (url.startsWith('/api/') || url === '/healthz' || url === '/readyz' || path.extname(url)) return false;
  return dashboardAvailable(dir);
}

export async function sendDashboardIndex(reply: FastifyReply, dir: string): Promise<FastifyReply> {
  return reply.type('text/html').send(await fs.promises.readFile(path.join(dir, 'index.html')));
}
