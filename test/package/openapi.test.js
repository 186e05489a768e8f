// Checks docs/openapi.json (the backend contract of SPEC §4):
//   1. the document covers SPEC §4 (paths, bodies, every answer, Retry-After, CSRF, CORS notes);
//   2. every $ref resolves and every documented example matches its schema;
//   3. the mock backend the demo and the tests use (src/mock-backend.ts, run through msw's Node
//      setup) answers every SPEC §7 value with a status and body that the document describes.
// Schemas are checked by a small JSON Schema subset validator (below): $ref, type, properties,
// required, enum, const, additionalProperties, oneOf, anyOf, minLength, maxLength; any other
// keyword in the document fails the run, so nothing is silently left unchecked.
// Run:  node test/package/openapi.test.js   (no build needed)
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { check, fail, finish, test } from './check.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const doc = JSON.parse(await readFile(path.join(ROOT, 'docs', 'openapi.json'), 'utf8'));

// ---------------------------------------------------------------- the validator

/** Keywords that only describe: they never make a value invalid. */
const ANNOTATIONS = new Set(['description', 'title', 'format', 'examples', 'example', 'default', 'summary', 'deprecated']);
const ASSERTIONS = new Set(['$ref', 'type', 'properties', 'required', 'enum', 'const', 'additionalProperties', 'oneOf', 'anyOf', 'minLength', 'maxLength']);

function resolveRef(ref) {
  check(ref.startsWith('#/'), `only local $refs are supported: ${ref}`);
  let node = doc;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node;
}

/** Follows `$ref` on an OpenAPI object (response, example, header, parameter). */
const deref = (node) => (node && typeof node.$ref === 'string' ? deref(resolveRef(node.$ref)) : node);

function typeOf(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const typeMatches = (wanted, value) => wanted === typeOf(value) || (wanted === 'number' && typeOf(value) === 'integer');
const codePoints = (text) => [...text].length;
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Returns a list of problems (empty when `value` matches `schema`). */
export function validate(schema, value, at = '$') {
  if (schema === true || (schema && typeof schema === 'object' && Object.keys(schema).length === 0)) return [];
  if (schema === false) return [`${at}: no value is allowed here`];
  const unknown = Object.keys(schema).filter((key) => !ANNOTATIONS.has(key) && !ASSERTIONS.has(key));
  if (unknown.length) return [`${at}: the validator does not support ${unknown.join(', ')}`];
  const problems = [];
  if (schema.$ref) problems.push(...validate(resolveRef(schema.$ref), value, at));
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((type) => typeMatches(type, value))) return [...problems, `${at}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
  }
  if (schema.const !== undefined && !same(schema.const, value)) problems.push(`${at}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  if (schema.enum && !schema.enum.some((option) => same(option, value))) problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && codePoints(value) < schema.minLength) problems.push(`${at}: shorter than ${schema.minLength}`);
    if (schema.maxLength !== undefined && codePoints(value) > schema.maxLength) problems.push(`${at}: longer than ${schema.maxLength}`);
  }
  if (typeOf(value) === 'object') {
    for (const name of schema.required ?? []) if (!Object.hasOwn(value, name)) problems.push(`${at}: missing required "${name}"`);
    const known = schema.properties ?? {};
    for (const [name, member] of Object.entries(value)) {
      if (Object.hasOwn(known, name)) problems.push(...validate(known[name], member, `${at}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${at}: unexpected member "${name}"`);
      else if (schema.additionalProperties !== undefined) problems.push(...validate(schema.additionalProperties, member, `${at}.${name}`));
    }
  }
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((option) => validate(option, value, at).length === 0).length;
    if (matching !== 1) problems.push(`${at}: matches ${matching} of the oneOf schemas, not exactly 1`);
  }
  if (schema.anyOf && !schema.anyOf.some((option) => validate(option, value, at).length === 0)) problems.push(`${at}: matches none of the anyOf schemas`);
  return problems;
}

const mustMatch = (schema, value, what) => {
  const problems = validate(schema, value);
  check(problems.length === 0, `${what}: ${problems.join('; ')}`);
};

// ---------------------------------------------------------------- walking the document

const POSTS = ['/forgot-username', '/password-help'];
const operation = (pathName) => doc.paths[pathName].post;

/** Every media type of an operation: [where, media type object]. */
function mediaTypes(op) {
  const found = [];
  for (const [type, media] of Object.entries(deref(op.requestBody)?.content ?? {})) found.push([`requestBody ${type}`, media]);
  for (const [status, response] of Object.entries(op.responses)) {
    for (const [type, media] of Object.entries(deref(response).content ?? {})) found.push([`${status} ${type}`, media]);
  }
  return found;
}

/** The documented response for a status: exact, then `4XX`-style range, then `default`. */
function responseFor(op, status) {
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => Object.hasOwn(op.responses, candidate));
  return key ? { key, response: deref(op.responses[key]) } : undefined;
}

/** The media type object for a response's Content-Type: exact, then `type/*`, then `*\/*`. */
function mediaFor(response, contentType) {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const content = response.content ?? {};
  const key = [type, `${type.split('/')[0]}/*`, '*/*'].find((candidate) => Object.hasOwn(content, candidate));
  return key ? { key, media: content[key] } : undefined;
}

// ---------------------------------------------------------------- 1. coverage of SPEC §4

await test('the document is OpenAPI 3.1 with both POST paths of SPEC §4', () => {
  check(/^3\.1\.\d+$/.test(doc.openapi), `openapi is ${doc.openapi}`);
  for (const pathName of POSTS) check(operation(pathName), `no POST ${pathName}`);
});

await test('request bodies: {"email"} and {"userName","requestedBy"}, required, nothing else', () => {
  const username = deref(operation('/forgot-username').requestBody);
  const password = deref(operation('/password-help').requestBody);
  check(username.required && password.required, 'request bodies must be required');
  const u = deref(username.content['application/json'].schema);
  const p = deref(password.content['application/json'].schema);
  check(same(u.required, ['email']) && u.additionalProperties === false, 'forgot-username schema');
  check(same([...p.required].sort(), ['requestedBy', 'userName']) && p.additionalProperties === false, 'password-help schema');
  check(u.properties.email.maxLength === 254 && p.properties.userName.maxLength === 200 && p.properties.requestedBy.maxLength === 200, 'length limits of SPEC §1');
});

await test('every answer of SPEC §4 is documented on both paths (200, 204, 400, 404, 422, 429, 503, 5XX, default)', () => {
  for (const pathName of POSTS) {
    const responses = operation(pathName).responses;
    for (const key of ['200', '204', '400', '404', '422', '429', '503', '5XX', 'default']) check(Object.hasOwn(responses, key), `${pathName} lacks ${key}`);
    const ok = deref(responses['200']).content['application/json'].schema;
    for (const status of ['sent', 'accepted', 'not_found']) mustMatch(ok, { status }, `${pathName} 200 {"status":"${status}"}`);
    check(deref(responses['204']).content === undefined, '204 must have no body');
    for (const key of ['400', '422']) mustMatch(deref(responses[key]).content['application/json'].schema, { status: 'invalid', errors: { email: 'x' } }, `${pathName} ${key}`);
    const limited = deref(responses['429']);
    check(deref(limited.headers?.['Retry-After']), `${pathName} 429 lacks the Retry-After header`);
    check(/Access-Control-Expose-Headers: Retry-After/.test(limited.description), `${pathName} 429 does not explain exposing Retry-After`);
    check(deref(deref(responses['503']).headers?.['Retry-After']), `${pathName} 503 lacks the Retry-After header`);
  }
});

await test('supportEmail is allowed in every JSON answer', () => {
  for (const pathName of POSTS) {
    for (const [where, media] of mediaTypes(operation(pathName)).filter(([where]) => !where.startsWith('requestBody') && where.endsWith('application/json'))) {
      const base = { '200': { status: 'sent' }, '404': { status: 'not_found' }, '400': { status: 'invalid', errors: {} }, '422': { status: 'invalid', errors: {} } }[where.split(' ')[0]] ?? {};
      mustMatch(media.schema, { ...base, supportEmail: 'help@clinic.example' }, `${pathName} ${where}`);
    }
  }
});

await test('the CSRF header is a documented, optional header parameter', () => {
  for (const pathName of POSTS) {
    const csrf = (operation(pathName).parameters ?? []).map(deref).find((parameter) => parameter.in === 'header' && /csrf/i.test(parameter.name));
    check(csrf && csrf.required === false, `${pathName}: no optional CSRF header parameter`);
    check(/csrf-header/.test(csrf.description) && /meta name="csrf-token"/.test(csrf.description), 'the CSRF description should name csrf-header and the meta tag');
  }
});

await test('CORS notes: preflight headers, Access-Control-Expose-Headers: Retry-After, credentials', () => {
  const text = [doc.info.description, ...POSTS.map((pathName) => operation(pathName).description)].join('\n');
  for (const needle of ['Access-Control-Expose-Headers: Retry-After', 'Access-Control-Allow-Headers', 'Access-Control-Allow-Credentials: true', 'OPTIONS']) {
    check(text.includes(needle), `no mention of ${needle}`);
  }
});

// ---------------------------------------------------------------- 2. refs and examples

await test('every $ref in the document resolves', () => {
  const broken = [];
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (typeof node.$ref === 'string') {
        try {
          resolveRef(node.$ref);
        } catch (error) {
          broken.push(error.message);
        }
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(doc);
  check(broken.length === 0, broken.join(', '));
});

for (const pathName of POSTS) {
  for (const [where, media] of mediaTypes(operation(pathName))) {
    const examples = Object.entries(media.examples ?? {}).map(([name, example]) => [name, deref(example).value]);
    if (media.example !== undefined) examples.push(['example', media.example]);
    for (const [name, value] of examples) {
      await test(`example ${pathName} ${where} "${name}" matches its schema`, () => mustMatch(media.schema, value, name));
    }
  }
}

await test('header examples match their schemas', () => {
  for (const header of Object.values(doc.components.headers)) {
    for (const [name, example] of Object.entries(header.examples ?? {})) mustMatch(header.schema, deref(example).value, name);
  }
});

await test('the validator rejects what the contract forbids (so passing means something)', () => {
  const username = operation('/forgot-username');
  const ok = deref(username.responses['200']).content['application/json'].schema;
  const invalid = deref(username.responses['400']).content['application/json'].schema;
  const usernameBody = deref(username.requestBody).content['application/json'].schema;
  const passwordBody = deref(operation('/password-help').requestBody).content['application/json'].schema;
  const rejected = [
    [ok, { status: 'done' }],
    [ok, { message: 'sent' }],
    [ok, 'sent'],
    [invalid, { status: 'invalid' }],
    [invalid, { status: 'invalid', errors: { email: 42 } }],
    [usernameBody, { email: 'a@b.example', extra: true }],
    [usernameBody, { email: 7 }],
    [usernameBody, {}],
    [passwordBody, { userName: 'x'.repeat(201), requestedBy: 'y' }],
    [passwordBody, { userName: 'x' }],
  ];
  for (const [schema, value] of rejected) check(validate(schema, value).length > 0, `accepted ${JSON.stringify(value).slice(0, 60)}`);
});

// ---------------------------------------------------------------- 3. the mock backend's real answers

/** SPEC §7: each value and the outcome it must show. */
const CASES = [
  ['/forgot-username', 'sent', { email: 'frontdesk@happypaws.example' }, { status: 200, body: 'sent' }],
  ['/forgot-username', 'not found', { email: 'nobody@clinic.example' }, { notFound: true }],
  ['/forgot-username', 'slow', { email: 'slow@clinic.example' }, { status: 200, body: 'sent' }],
  ['/forgot-username', 'error', { email: 'error@clinic.example' }, { status: 500 }],
  ['/forgot-username', 'busy', { email: 'busy@clinic.example' }, { status: 429, retryAfter: '60' }],
  ['/password-help', 'sent', { userName: 'happypaws', requestedBy: 'Dr. Rivera' }, { status: 200, body: 'sent' }],
  ['/password-help', 'not found', { userName: 'nobody', requestedBy: 'Front desk' }, { notFound: true }],
  ['/password-help', 'slow', { userName: 'slowpoke', requestedBy: 'Front desk' }, { status: 200, body: 'sent' }],
  ['/password-help', 'error', { userName: 'happypaws', requestedBy: 'error test' }, { status: 500 }],
  ['/password-help', 'busy', { userName: 'busybee', requestedBy: 'Front desk' }, { status: 429, retryAfter: '60' }],
];
const API = 'http://backend.test/api';

/** test/mocks/handlers.ts compiled by esbuild to an .mjs inside node_modules (so `msw` resolves). */
async function loadMockHandlers() {
  const cache = path.join(ROOT, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, 'login-help-openapi-'));
  const outfile = path.join(dir, 'handlers.mjs');
  await build({ entryPoints: [path.join(ROOT, 'src/mock-backend.ts')], bundle: true, packages: 'external', format: 'esm', platform: 'node', outfile, logLevel: 'error' });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let server;
try {
  const { createHandlers } = await loadMockHandlers();
  const { setupServer } = await import('msw/node');
  server = setupServer(...createHandlers(API));
  server.listen({ onUnhandledRequest: 'error' });
} catch (error) {
  fail('the mock backend (src/mock-backend.ts via msw/node) starts', error);
}

if (server) {
  // All at once: the `slow` values take 3 s each.
  const answers = await Promise.all(
    CASES.map(async ([pathName, , data]) => {
      const response = await fetch(API + pathName, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(data),
      });
      return { status: response.status, headers: response.headers, text: await response.text() };
    }).map((promise) => promise.catch((error) => ({ error }))),
  );
  server.close();

  for (const [index, [pathName, name, data, expected]] of CASES.entries()) {
    const answer = answers[index];
    await test(`mock ${pathName} "${name}" (${JSON.stringify(data)}) answers as documented`, () => {
      if (answer.error) throw answer.error;
      const op = operation(pathName);
      mustMatch(deref(op.requestBody).content['application/json'].schema, data, 'the request body');

      const found = responseFor(op, answer.status);
      check(found, `status ${answer.status} is not documented`);
      const { key, response } = found;
      if (answer.text === '') {
        check(!response.content || key === '204' || key === '200', `empty body for ${key}`);
      } else {
        const media = mediaFor(response, answer.headers.get('content-type'));
        check(media, `${key}: content type ${answer.headers.get('content-type')} is not documented`);
        if (media.key.includes('json')) mustMatch(media.media.schema, JSON.parse(answer.text), `${key} ${media.key} body`);
      }
      for (const [name, header] of Object.entries(response.headers ?? {})) {
        const value = answer.headers.get(name);
        const definition = deref(header);
        check(value !== null || !definition.required, `${key}: required header ${name} missing`);
        if (value !== null) mustMatch(definition.schema, value, `header ${name}`);
      }

      // The outcome SPEC §7 promises for the value.
      if (expected.status !== undefined) check(answer.status === expected.status, `status ${answer.status}, expected ${expected.status}`);
      if (expected.body) check(JSON.parse(answer.text).status === expected.body, `body ${answer.text}`);
      if (expected.notFound) {
        const json = answer.text ? JSON.parse(answer.text) : {};
        check(answer.status === 404 || (answer.status < 300 && json.status === 'not_found'), `not a not-found answer: ${answer.status} ${answer.text}`);
      }
      if (expected.retryAfter) check(answer.headers.get('retry-after') === expected.retryAfter, `Retry-After: ${answer.headers.get('retry-after')}`);
    });
  }
}

finish();
process.exit(process.exitCode ?? 0);
