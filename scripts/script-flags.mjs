// Node's memory flags (--max-…) of one package.json script, so what a script starts by
// hand (npm start's browser fallback, the benchmarks) runs as `npm run <name>` does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} name a script in package.json @param {string} [root] the repository @returns {string[]} */
export function scriptNodeFlags(name, root = '.') {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
  return scripts[name].split(/\s+/).filter((t) => t.startsWith('--max-'));
}
