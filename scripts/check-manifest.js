// Fails when custom-elements.json is not what the analyzer makes of src/ now.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The analyzer walks folders in file-system order; compare modules sorted by path. */
function canonical(text) {
  const manifest = JSON.parse(text);
  manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  return JSON.stringify(manifest);
}

// The analyzer joins --outdir to the working directory, so it must be relative.
const outdir = join('node_modules', '.cache', 'login-help-manifest-check');
try {
  execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--outdir', outdir], { stdio: 'ignore' });
  const fresh = canonical(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  const committed = canonical(readFileSync('custom-elements.json', 'utf8'));
  if (fresh !== committed) {
    console.error('custom-elements.json is out of date: run "npm run analyze" and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json is current.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
