// The dashboard's JavaScript chunks in dist/dashboard, bytes and gzip bytes each, marked "first render"
// when index.html loads them (entry script or modulepreload) and "lazy" when only a dynamic import does.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ChunkSize {
  file: string;
  loaded: 'first render' | 'lazy';
  bytes: number;
  gzipBytes: number;
}

export function dashboardChunks(distDir: string): ChunkSize[] {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const assets = path.join(distDir, 'assets');
  return fs
    .readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const content = fs.readFileSync(path.join(assets, file));
      return {
        file,
        loaded: html.includes(`/assets/${file}`) ? 'first render' : 'lazy',
        bytes: content.length,
        gzipBytes: zlib.gzipSync(content).length,
      } as const;
    })
    .sort((a, b) => a.loaded.localeCompare(b.loaded) || b.bytes - a.bytes);
}

/** Table rows: one per chunk, then the total of each kind. */
export function chunkRows(chunks: ChunkSize[]): (string | number)[][] {
  const total = (kind: ChunkSize['loaded']) => {
    const of = chunks.filter((c) => c.loaded === kind);
    return [`total, ${kind}`, '', of.reduce((n, c) => n + c.bytes, 0), of.reduce((n, c) => n + c.gzipBytes, 0)];
  };
  return [...chunks.map((c) => [c.file, c.loaded, c.bytes, c.gzipBytes]), total('first render'), total('lazy')];
}
