import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('progress display', () => {
  it('prints a line at every 10 % when not on a terminal, then a summary', () => {
    const out = capture();
    const progress = createProgress({ label: 'seeding', total: 200, stream: out.stream, interactive: false });
    for (let i = 0; i < 200; i++) progress.increment();
    progress.stop();
    const lines = out.text().trim().split('\n');
    expect(lines.slice(0, 10)).toEqual(
      [10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => `seeding: ${p}% (${p * 2}/200)`).concat(lines[9]!),
    );
    expect(lines).toHaveLength(10);
    expect(lines[9]).toMatch(/^seeding: 100% \(200\/200\) done in \d+\.\d s$/);
  });

  it('never reports past the total', () => {
    const out = capture();
    const progress = createProgress({ label: 'x', total: 3, stream: out.stream, interactive: false });
    progress.increment(10);
    progress.stop();
    expect(out.text()).toContain('x: 100% (3/3) done');
  });
});
