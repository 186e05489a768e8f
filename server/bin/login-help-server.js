#!/usr/bin/env node
// The command npm links. It loads the compiled CLI, which `npm run build` writes.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('login-help-server is not built yet: run `npm run build` (at the repository root, or in server/).\n');
  process.exit(1);
}
// The long-running command keeps V8's young generation small from its first module on (issue #24).
if ((process.argv[2] ?? 'start') === 'start') (await import(new URL('../dist/idle-memory.js', import.meta.url).href)).keepYoungGenerationSmall();
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
