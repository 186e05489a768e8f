// The benchmarks' load: autocannon in a child process (this file, forked), so the service's
// process measures only itself; and the command-line option reader the benchmarks share.
import { fork } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);

/** A positive number given as `--name N`, else `fallback`. */
export function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} needs a positive number`);
    process.exit(2);
  }
  return value;
}

/** The built service (server/dist), or a message saying to build it and exit 1. */
export async function loadDist() {
  try {
    return await import('../dist/index.js');
  } catch (error) {
    console.error(`Cannot load server/dist/index.js (${error.message}).\nBuild it first: cd server && npx tsc -p tsconfig.build.json`);
    process.exit(1);
  }
}

/** Runs one autocannon job (url, connections, duration, body or requests, spread, amount) in a child process; resolves to its summary. */
export function load(job) {
  return new Promise((resolve, reject) => {
    const child = fork(SELF, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result;
    child.once('message', (message) => (result = message));
    child.once('error', reject);
    child.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load generator exited with ${code}`))));
    child.send(job);
  });
}

/** A request whose body's `{n}` counts 0, 1, … up to `job.spread` and round again, so requests name many targets. */
function spreadRequest(job) {
  let n = 0;
  return { method: 'POST', setupRequest: (request) => ({ ...request, body: job.body.replaceAll('{n}', String(n++ % job.spread)) }) };
}

/** The child's side: runs the job the parent sends, sends back the summary, exits. */
async function loadGenerator() {
  const { default: autocannon } = await import('autocannon');
  process.once('message', async (job) => {
    const result = await autocannon({
      url: job.url,
      connections: job.connections,
      duration: job.duration,
      ...(job.requests ? { requests: job.requests } : job.spread ? { requests: [spreadRequest(job)] } : { method: 'POST', body: job.body }),
      ...(job.amount ? { amount: job.amount } : {}),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      timeout: 10,
    });
    process.send(
      {
        requests: result.requests.total,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        max: result.latency.max,
        statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        seconds: result.duration,
      },
      () => process.exit(0),
    );
  });
}

if (process.send && process.argv[1] === SELF) await loadGenerator();
