// `Content-Type: application/json` with no body (a DELETE from a client that always sets the header) is a
// request without a body, not a 400; anything else goes to Fastify's own JSON parser (prototype-poisoning
// checks included). A route that needs a body still refuses the missing one, naming `body`.
import type { FastifyInstance } from 'fastify';

export function acceptEmptyJsonBodies(
  app: Pick<FastifyInstance, 'getDefaultJsonParser' | 'removeContentTypeParser' | 'addContentTypeParser'>,
): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    body.length === 0 ? done(null, undefined) : parseJson(request, body.toString(), done),
  );
}
