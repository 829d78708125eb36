// `pulse` write commands below the free-space floor: exit 1 with a message naming the store and the
// variable, nothing written; read commands still run.
import { afterAll, describe, expect, it } from 'vitest';
import { killStrayPulses, runPulse } from '../test/spawn-pulse.js';
import { makeTempDir } from '../test/temp-dir.js';

const temp = makeTempDir('pulse-cli-disk-');
afterAll(() => {
  killStrayPulses();
  temp.remove();
});

describe('pulse commands below the free-space floor', () => {
  it('refuses writes with exit 1 and a clear message; lists still work', async () => {
    const env = { PULSE_DATA_DIR: temp.dir };
    const low = { ...env, PULSE_MIN_FREE_DISK: '1000000000GB' };
    const refused = await runPulse(['projects', 'create', '--name', 'Full'], low);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^pulse: The database \(Postgres\) disk is low: .* free at .*, below the .* floor \(PULSE_MIN_FREE_DISK\); writes are refused until space is freed\n$/,
    );
    const listed = await runPulse(['projects', 'list', '--json'], low);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
    expect((await runPulse(['projects', 'create', '--name', 'Fine'], env)).code).toBe(0);
  });
});
