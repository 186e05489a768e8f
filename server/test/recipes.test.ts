// The sign-in recipes of demo/recipes.md, run as written against a real login-help-server: the
// Node one with `node`, the PHP one with Debian's `php-cli`, so the documentation cannot rot. Each
// block is taken from the file and a one-line caller is appended (the user name and password
// through the environment, never an argument a process list would show).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../src/passwords/hash.js';
import { PORTAL_SECRET } from './helpers/portal-call.js';
import { directoryKind, startTestService, type TestService } from './helpers/service.js';

const RECIPES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'demo', 'recipes.md');
const PASSWORD = 'Grüße aus Zürich, 2026 ☕';

/** The fenced block after `<!-- recipe: NAME -->`. */
function block(markdown: string, name: string): string {
  const found = new RegExp(`<!-- recipe: ${name} -->\\n\`\`\`[a-z]+\\n([\\s\\S]*?)\\n\`\`\``).exec(markdown);
  assert.ok(found?.[1], `demo/recipes.md has no block marked "recipe: ${name}"`);
  return found[1];
}

/** Runs a program with the environment; resolves to its exit code and output. */
function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
  });
}

const php = spawnSync('php', ['-v'], { encoding: 'utf8' });
const phpMissing = php.error !== undefined || php.status !== 0;
if (phpMissing && process.env.CI) throw new Error('php is not installed: CI must run the PHP recipe (.ci/run installs php-cli)');
const skipPhp = phpMissing ? 'php is not installed (apt-get install php-cli); CI=true makes this a failure' : false;
const skip = directoryKind !== 'tables' ? "verify-password checks the service's own accounts: a portal's directory (HTTP or SQL) has none, and PORTAL_SECRET beside one stops the start" : false;

describe('the verify-password recipes of demo/recipes.md', { skip }, () => {
  let t: TestService;
  let dir: string;
  const files: Record<'node' | 'php', string> = { node: '', php: '' };
  before(async () => {
    t = await startTestService({ PORTAL_SECRET });
    await t.service.db.query('UPDATE accounts SET password_hash = $1 WHERE user_name = $2', [await hashPassword(PASSWORD), 'happypaws']);
    dir = await mkdtemp(path.join(tmpdir(), 'login-help-recipes-'));
    const markdown = await readFile(RECIPES, 'utf8');
    files.node = path.join(dir, 'verify-password.mjs');
    await writeFile(files.node, `${block(markdown, 'verify-password node')}\nconsole.log((await verifyPassword(process.env.RECIPE_USER, process.env.RECIPE_PASSWORD)) ? 'valid' : 'invalid');\n`);
    files.php = path.join(dir, 'verify_password.php');
    await writeFile(files.php, `${block(markdown, 'verify-password php')}\necho login_help_verify_password(getenv('RECIPE_USER'), getenv('RECIPE_PASSWORD')) ? "valid\\n" : "invalid\\n";\n`);
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  for (const language of ['node', 'php'] as const) {
    it(`${language}: valid, invalid, an unknown user name, and an error for a wrong secret`, { skip: language === 'php' ? skipPhp : false }, async () => {
      const command = language === 'node' ? process.execPath : 'php';
      const check = (userName: string, password: string, secret = PORTAL_SECRET) =>
        run(command, [files[language]], { LOGIN_HELP_ENDPOINT: t.api, PORTAL_SECRET: secret, RECIPE_USER: userName, RECIPE_PASSWORD: password });
      for (const [userName, password, expected] of [['HappyPaws', PASSWORD, 'valid'], ['happypaws', 'Grüsse aus Zürich, 2026 ☕', 'invalid'], ['nobody-at-all', PASSWORD, 'invalid']] as const) {
        const result = await check(userName, password);
        assert.equal(result.code, 0, result.err);
        assert.equal(result.out.trim(), expected, `${userName}: ${result.err}`);
      }
      const forged = await check('happypaws', PASSWORD, 'a-wrong-secret-that-is-long-enough-00');
      assert.notEqual(forged.code, 0);
      assert.match(forged.err, /verify-password answered 401/);
    });
  }
});
