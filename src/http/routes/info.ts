// GET /api/v1/info: what the dashboard needs to know before it asks for a project.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ServerInfo } from '../../../contract/api.js';

export const infoRoutes =
  (info: { version: string; previewMode: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/info',
      {
        schema: {
          tags: ['health'],
          summary: 'Server version and whether preview mode is on',
          response: { 200: ServerInfo },
        },
      },
      async () => ({
        version: info.version,
        preview_mode: info.previewMode,
      }),
    );
  };
