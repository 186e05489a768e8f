// Benchmark of verify-password's timing (prints figures; asserts nothing about time): does a
// wrong password for an account that exists take as long as an unknown user name, and as an
// account without a password? Each of the 40 rounds makes one signed call of each kind, in a
// shuffled order, over keep-alive HTTP on loopback, each kind naming a user name of its own so no
// throttling applies; it reports the median and the spread of each kind.
//
// Starts the built service (server/dist; `cd server && npx tsc -p tsconfig.build.json`) in this
// process on embedded PGlite in a temporary folder.
//
//   node server/scripts/bench-verify.js [--rounds 40]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDist, option } from './bench-load.js';

const SECRET = 'bench-portal-secret-0123456789abcdef';
const PASSWORD = 'Lantern Orchard Quietly 77';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const ms = (value) => `${value.toFixed(2)} ms`;

function shuffle(list) {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

async function main() {
  const rounds = option('rounds', 40);
  const { loadConfig, startService, importDirectory, signRequest } = await loadDist();
  const { hashPassword } = await import('../dist/passwords/hash.js');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'login-help-bench-verify-'));
  const service = await startService(loadConfig({ PORT: '0', LOG_LEVEL: 'warn', PORTAL_SECRET: SECRET, LOGIN_HELP_DATA: path.join(dir, 'data') }));
  try {
    const rows = ['practice,email,user_name,active'];
    for (let i = 0; i < rounds + 2; i++) rows.push(`Bench Clinic,bench@clinics.example,found${i},true`, `Bench Clinic,bench@clinics.example,nohash${i},true`);
    const imported = await importDirectory(service.db, rows.join('\n'));
    if (!imported.ok) throw new Error(imported.problems.join('; '));
    for (let i = 0; i < rounds + 2; i++) await service.db.query('UPDATE accounts SET password_hash = $1 WHERE user_name = $2', [await hashPassword(PASSWORD), `found${i}`]);

    const api = `${service.url}/api/login-help`;
    const call = async (userName) => {
      const body = JSON.stringify({ userName, password: 'a wrong password, every time' });
      const headers = signRequest(SECRET, 'POST', new URL(`${api}/verify-password`).pathname, body, new Date());
      const start = performance.now();
      const response = await fetch(`${api}/verify-password`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
      const answer = await response.json();
      const elapsed = performance.now() - start;
      if (response.status !== 200 || answer.status !== 'invalid') throw new Error(`${userName}: ${response.status} ${JSON.stringify(answer)}`);
      return elapsed;
    };
    // Warm-up (JIT, connection, PGlite's caches): the two spare rounds' names.
    for (const name of [`found${rounds}`, `nohash${rounds}`, `unknown${rounds}`, `found${rounds + 1}`, `nohash${rounds + 1}`, `unknown${rounds + 1}`]) await call(name);

    const times = { found: [], unknown: [], 'no password': [] };
    for (let i = 0; i < rounds; i++) {
      for (const [kind, name] of shuffle([['found', `found${i}`], ['unknown', `unknown${i}`], ['no password', `nohash${i}`]])) times[kind].push(await call(name));
    }
    const medians = Object.fromEntries(Object.entries(times).map(([kind, values]) => [kind, median(values)]));
    const spread = Math.max(...Object.values(medians)) - Math.min(...Object.values(medians));
    console.log(`verify-password timing, ${rounds} rounds (one call of each kind per round, shuffled), Node ${process.version}, ${os.cpus().length} CPUs`);
    console.log('| kind | median | p10 | p90 | min | max |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const [kind, values] of Object.entries(times)) {
      console.log(`| ${kind} | ${ms(medians[kind])} | ${ms(quantile(values, 0.1))} | ${ms(quantile(values, 0.9))} | ${ms(Math.min(...values))} | ${ms(Math.max(...values))} |`);
    }
    console.log(`Largest difference between the medians: ${ms(spread)} (${spread <= 5 ? 'within' : 'NOT within'} 5 ms)`);
    // Paired by round: the calls of one round ran back to back, so load from elsewhere on the
    // machine mostly cancels out of their differences.
    for (const other of ['unknown', 'no password']) {
      const differences = times.found.map((time, i) => time - times[other][i]);
      console.log(`Median of the ${rounds} paired differences, found − ${other}: ${ms(median(differences))}`);
    }
  } finally {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
