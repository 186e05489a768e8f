// `npm start`: the whole seed in one process (SPEC §7). login-help-server with the demo clinic on
// HOST:PORT (default 127.0.0.1:8787; its embedded database in ./.login-help-data or
// LOGIN_HELP_DATA), and the demo page that posts to it on DEMO_PORT (default 5173). Every other
// variable of login-help-server (`npx login-help-server --help`) works too. Needs `npm run build`
// first (the npm script does it). Ctrl-C stops both; so does SIGTERM, to this process or to the npm
// that started it. The msw demo is `npm run start:mock`.
import path from 'node:path';
import { DemoStackError, ROOT, startDemoStack } from './demo-stack.js';
import { whenParentEnds } from './stop-with-parent.js';

const env = process.env;

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

let stack;
try {
  const pagePort = env.DEMO_PORT?.trim() ? Number(env.DEMO_PORT.trim()) : 5173;
  const serverPort = env.PORT?.trim() ? Number(env.PORT.trim()) : 8787;
  if (!Number.isInteger(pagePort)) fail(`DEMO_PORT must be a port number, not "${env.DEMO_PORT}"`);
  if (!Number.isInteger(serverPort)) fail(`PORT must be a port number, not "${env.PORT}"`);
  stack = await startDemoStack({ env, serverPort, pagePort });
} catch (error) {
  // A bad variable (ConfigError from login-help-server), a busy port or a data folder in use by
  // another process (DataFolderBusy): say what to do, no stack.
  if (error instanceof DemoStackError || error?.name === 'ConfigError' || error?.name === 'DataFolderBusy') fail(error.message);
  console.error('npm start: the demo did not start:');
  console.error(error);
  process.exit(1);
}

const where = stack.databaseUrl ? 'the PostgreSQL server in DATABASE_URL' : path.relative(ROOT, stack.dataDir) || stack.dataDir;
const lines = [
  '',
  'Login Help demo is running (login-help-server with the demo clinic, Happy Paws Veterinary Clinic):',
  '',
  `  Demo page:   ${stack.pageUrl}`,
  stack.mailboxUrl ? `  Mailbox:     ${stack.mailboxUrl}` : `  Mail:        sent through SMTP_URL (no development mailbox)`,
  `  Reset page:  ${stack.resetUrl}`,
  '',
  `  API:         ${stack.apiBase}`,
  `  Data:        ${where}`,
  '',
  'Try Clinic Email frontdesk@happypaws.example, or User Name happypaws with Requested By Dr. Jane Doe,',
  'then open the mailbox. Any other value shows the Attention dialog.',
  '',
  stack.config.breachedPasswordsUrl
    ? `Passwords seen in breaches: checked at reset through ${stack.config.breachedPasswordsUrl}`
    : 'Passwords seen in breaches: not checked (the demo runs offline). To check them at reset, start with',
  ...(stack.config.breachedPasswordsUrl ? [] : ['  BREACHED_PASSWORDS_URL=https://api.pwnedpasswords.com/range/ npm start']),
  '',
  'Press Ctrl-C to stop everything.',
  '',
];
console.log(lines.join('\n'));

let stopping = false;
/** Closes both and exits; `reason` says why (a signal, or the npm that started it ending). */
async function stop(reason) {
  if (stopping) {
    // A second Ctrl-C while closing: do not wait any longer.
    console.log(`${reason} again: exiting now.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`\n${reason}: stopping the demo page and login-help-server…`);
  const force = setTimeout(() => {
    console.error('npm start: they did not stop within 10 s; exiting anyway.');
    process.exit(1);
  }, 10_000);
  force.unref();
  try {
    await stack.close();
    console.log('Stopped.');
    process.exit(0);
  } catch (error) {
    console.error(`npm start: stopping failed: ${error?.message ?? error}`);
    process.exit(1);
  }
}

process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
whenParentEnds(() => void stop('the process that started the demo ended'));
