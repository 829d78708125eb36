import { describe, expect, it } from 'vitest';
import { createIdFactory, uuidFromName } from './ids.js';

describe('ids', () => {
  it('formats the sha256 of the name as a v4-shaped UUID', () => {
    // sha256('x') = 2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881
    // Version nibble forced to 4 (was b), variant nibble 0 → 8.
    expect(uuidFromName('x')).toBe('2d711642-b726-4044-8162-7ca9fbac32f5');
  });

  it('namespaces by project, seed, kind and key', () => {
    const a = createIdFactory('project-a', 'seed');
    const ids = [
      a('user', 1),
      a('user', 2),
      a('team', 1),
      createIdFactory('project-b', 'seed')('user', 1),
      createIdFactory('project-a', 'other')('user', 1),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(a('user', 1)).toBe(createIdFactory('project-a', 'seed')('user', 1));
  });
});
