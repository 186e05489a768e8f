#!/usr/bin/env node
// The command npm links. It loads the compiled CLI, so `npm run build` must have run.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
