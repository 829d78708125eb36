// `npm run bench -- <name>`: each benchmark prints a table with its baseline and ratio.
import { bootBench } from './boot.js';

const BENCHES: Record<string, () => Promise<void>> = { boot: bootBench };

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in BENCHES));
if (names.length === 0 || unknown.length > 0) {
  process.stderr.write(`${unknown.length ? `unknown benchmark: ${unknown.join(', ')}\n` : ''}usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [...]\n`);
  process.exit(2);
}
for (const name of names) await BENCHES[name]!();
