// Security headers on every answer (@fastify/helmet), with a Content-Security-Policy the dashboard runs
// under: its scripts, styles and chunks from this origin, the early-start inline script by its hash, the
// globe's WebGL canvas, charts drawn as inline SVG, and API calls to this origin only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyHelmetOptions } from '@fastify/helmet';

/** `'sha256-…'` sources for the inline scripts of the built index.html (none without a build). */
export function inlineScriptHashes(dashboardDir: string | undefined): string[] {
  const index = dashboardDir && path.join(dashboardDir, 'index.html');
  if (!index || !fs.existsSync(index)) return [];
  const html = fs.readFileSync(index, 'utf8');
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${crypto.createHash('sha256').update(body!).digest('base64')}'`,
  );
}

export function securityHeaders(dashboardDir: string | undefined): FastifyHelmetOptions {
  return {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(dashboardDir)],
        scriptSrcAttr: ["'none'"],
        // React and the charts set style attributes; no stylesheet comes from elsewhere.
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'", 'blob:'],
      },
    },
    // TLS is terminated in front of Pulse (it serves plain HTTP): HSTS is that proxy's decision.
    strictTransportSecurity: false,
  };
}
