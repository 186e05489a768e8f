// `npm run test:package`: runs the package-level checks one after another (each even when an
// earlier one failed), then prints their summed `N passed, M failed` as the last line.
// They need `npm run build` first (the OpenAPI check does not).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITES = ['test/package/pack.test.js', 'test/package/openapi.test.js', 'demo/react/react-recipe.test.js'];

let passed = 0;
let failed = 0;
for (const suite of SUITES) {
  console.log(`# ${suite}`);
  const run = spawnSync(process.execPath, [suite], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 180_000 });
  const lines = (run.stdout ?? '').trimEnd().split('\n');
  const last = /^(\d+) passed, (\d+) failed$/.exec(lines.at(-1) ?? '');
  // Each suite's own summary becomes a comment, so the only summary line is the total below.
  console.log(last ? [...lines.slice(0, -1), `# ${suite}: ${lines.at(-1)}`].join('\n') : lines.join('\n'));
  if (last) {
    passed += Number(last[1]);
    failed += Number(last[2]);
  }
  if (!last || run.status !== 0) {
    if (!last || Number(last[2]) === 0) {
      failed += 1;
      console.log(`not ok - ${suite} exited with ${run.status ?? run.signal}${last ? '' : ' and no summary line'}`);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
