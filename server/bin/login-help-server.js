#!/usr/bin/env node
// The command npm links. It loads the compiled CLI, which `npm run build` writes.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('login-help-server is not built yet: run `npm run build` (at the repository root, or in server/).\n');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
