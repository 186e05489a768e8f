// Checks docs/openapi.json (the backend contract of SPEC §4 and §8, as login-help-server implements it):
//   1. the document covers SPEC §4 (paths, bodies, every answer, Retry-After, CSRF, CORS notes),
//      SPEC §8 (the reset link's two endpoints) and login-help-server's own answers and endpoints
//      (SPEC §9: 413, 415, 422, 429, 503, X-Request-Id, health checks, development mailbox, CORS);
//   2. every $ref resolves and every documented example (bodies, headers, parameters) matches its schema;
//   3. the mock backend the demo and the tests use (src/mock-backend.ts, run through msw's Node
//      setup) answers every SPEC §7 value with a status and body that the document describes.
// Schemas are checked by a small JSON Schema subset validator (below): $ref, type, properties,
// required, enum, const, additionalProperties, oneOf, anyOf, minLength, maxLength, items, pattern,
// minimum; any other
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
const ASSERTIONS = new Set(['$ref', 'type', 'properties', 'required', 'enum', 'const', 'additionalProperties', 'oneOf', 'anyOf', 'minLength', 'maxLength', 'items', 'pattern', 'minimum']);

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
    // ECMA-262 regular expressions with the u flag, unanchored, as JSON Schema says.
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${at}: does not match /${schema.pattern}/`);
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: less than ${schema.minimum}`);
  if (Array.isArray(value) && schema.items !== undefined) value.forEach((item, index) => problems.push(...validate(schema.items, item, `${at}[${index}]`)));
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
const RESET_POSTS = ['/reset-password/check', '/reset-password'];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const operation = (pathName, method = 'post') => doc.paths[pathName]?.[method];
/** Every operation of the document: [path, method, operation]. */
const operations = () => Object.entries(doc.paths).flatMap(([pathName, item]) => METHODS.filter((method) => item[method]).map((method) => [pathName, method, item[method]]));
/** The JSON schema of an operation's answer for `status`. */
const answerSchema = (op, status) => deref(op.responses[status])?.content?.['application/json']?.schema;

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
      const invalid = { status: 'invalid', errors: {} };
      const base = { '200': { status: 'sent' }, '404': { status: 'not_found' }, '400': invalid, '413': invalid, '415': invalid, '422': invalid }[where.split(' ')[0]] ?? {};
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

// ---------------------------------------------------------------- 1b. coverage of SPEC §8 and login-help-server (SPEC §9)

/** Fails unless `schema` accepts every value of `good` and rejects every value of `bad`. */
function accepts(schema, good, bad, what) {
  check(schema, `${what}: no JSON schema`);
  for (const value of good) mustMatch(schema, value, `${what} ${JSON.stringify(value)}`);
  for (const value of bad) check(validate(schema, value).length > 0, `${what} accepted ${JSON.stringify(value)}`);
}

await test('SPEC §8: POST /reset-password/check and /reset-password, their bodies and every answer', () => {
  const check8 = operation('/reset-password/check');
  const reset = operation('/reset-password');
  check(check8 && reset, 'no POST /reset-password/check or /reset-password');
  const checkBody = deref(check8.requestBody);
  const resetBody = deref(reset.requestBody);
  check(checkBody.required && resetBody.required, 'request bodies must be required');
  accepts(checkBody.content['application/json'].schema, [{ token: 'abc' }], [{}, { token: 7 }, { token: 'abc', extra: 1 }], 'check request');
  accepts(resetBody.content['application/json'].schema, [{ token: 'abc', password: 'correct horse battery staple' }], [{ token: 'abc' }, { password: 'x' }, { token: 'abc', password: 'é'.repeat(257) }], 'reset request');
  for (const [pathName, op] of [['/reset-password/check', check8], ['/reset-password', reset]]) {
    for (const key of ['200', '400', '404', '410', '413', '415', '429', '503', '5XX', 'default']) check(Object.hasOwn(op.responses, key), `${pathName} lacks ${key}`);
    accepts(answerSchema(op, '410'), [{ status: 'expired' }, { status: 'used' }], [{ status: 'invalid_token' }, {}], `${pathName} 410`);
    accepts(answerSchema(op, '404'), [{ status: 'invalid_token' }], [{ status: 'not_found' }, { status: 'expired' }], `${pathName} 404`);
    accepts(answerSchema(op, '400'), [{ status: 'invalid', errors: { token: 'This field is required.' } }], [{ status: 'invalid' }], `${pathName} 400`);
    accepts(answerSchema(op, '429'), [{ status: 'rate_limited' }], [], `${pathName} 429`);
    accepts(answerSchema(op, '503'), [{ status: 'unavailable' }], [], `${pathName} 503`);
    for (const key of ['429', '503']) check(deref(deref(op.responses[key]).headers?.['Retry-After']), `${pathName} ${key} lacks Retry-After`);
  }
  accepts(answerSchema(check8, '200'), [{ status: 'valid', userName: 'happypaws', minLength: 15 }], [{ status: 'valid' }, { status: 'valid', userName: 'happypaws', minLength: '15' }, { status: 'valid', userName: '', minLength: 15 }, { status: 'reset' }], 'check 200');
  accepts(answerSchema(reset, '200'), [{ status: 'reset' }], [{ status: 'valid' }, {}], 'reset 200');
  accepts(
    answerSchema(reset, '400'),
    [{ status: 'invalid', errors: { password: 'Use at least 15 characters.' } }, { status: 'invalid', errors: { password: 'This password is too common and easy to guess. Choose another, such as a few unrelated words.' } }],
    [{ status: 'invalid', errors: { password: 15 } }],
    'reset 400',
  );
});

await test('login-help-server: the forms also answer 413, 415, 422 (Idempotency-Key), 429 and 503 as documented', () => {
  for (const pathName of POSTS) {
    const op = operation(pathName);
    for (const key of ['413', '415']) {
      check(Object.hasOwn(op.responses, key), `${pathName} lacks ${key}`);
      accepts(answerSchema(op, key), [{ status: 'invalid', errors: { body: 'x' } }], [{ status: 'invalid' }, { status: 'error' }], `${pathName} ${key}`);
    }
    accepts(answerSchema(op, '422'), [{ status: 'invalid', errors: { idempotencyKey: 'x' } }], [{ status: 'invalid' }], `${pathName} 422`);
    accepts(answerSchema(op, '400'), [{ status: 'invalid', errors: { body: 'The request body must be JSON.' } }, { status: 'invalid', errors: { idempotencyKey: 'x' } }], [], `${pathName} 400`);
    accepts(answerSchema(op, '429'), [{ status: 'rate_limited' }], [], `${pathName} 429`);
    accepts(answerSchema(op, '503'), [{ status: 'unavailable' }], [], `${pathName} 503`);
    for (const status of ['200', '404']) check(deref(deref(op.responses[status]).headers?.['Idempotent-Replayed']), `${pathName} ${status} lacks Idempotent-Replayed`);
  }
});

await test('request headers: Idempotency-Key (1–255 printable ASCII), Accept-Language, the CSRF header', () => {
  for (const pathName of [...POSTS, ...RESET_POSTS]) {
    const headers = (operation(pathName).parameters ?? []).map(deref).filter((parameter) => parameter.in === 'header');
    for (const name of ['Accept-Language', 'X-CSRF-Token', ...(POSTS.includes(pathName) ? ['Idempotency-Key'] : [])]) {
      const parameter = headers.find((header) => header.name === name);
      check(parameter && parameter.required === false, `${pathName}: no optional ${name} header parameter`);
    }
  }
  const key = deref(operation('/forgot-username').parameters.find((parameter) => deref(parameter).name === 'Idempotency-Key'));
  accepts(key.schema, ['k', 'x'.repeat(255), '3f0c9b7e-5d2a-4c1e-9a8b-6f4e2d1c0b9a'], ['', 'x'.repeat(256), 'a b', 'é'], 'Idempotency-Key');
});

await test('X-Request-Id is documented on every answer of every operation', () => {
  for (const [pathName, method, op] of operations()) {
    for (const [status, response] of Object.entries(op.responses)) check(deref(deref(response).headers?.['X-Request-Id']), `${method.toUpperCase()} ${pathName} ${status} lacks X-Request-Id`);
  }
});

await test('GET /healthz and /readyz, at the server root (a servers override without the base path)', () => {
  for (const pathName of ['/healthz', '/readyz']) {
    check(operation(pathName, 'get'), `no GET ${pathName}`);
    const servers = doc.paths[pathName].servers;
    check(Array.isArray(servers) && servers.length > 0 && servers.every((server) => !server.url.includes('login-help') && !server.url.includes('{endpoint}')), `${pathName}: no servers override at the root`);
  }
  accepts(answerSchema(operation('/healthz', 'get'), '200'), [{ status: 'ok' }], [{ status: 'ready' }], 'healthz 200');
  const ready = operation('/readyz', 'get');
  accepts(answerSchema(ready, '200'), [{ status: 'ready', database: 'pglite' }, { status: 'ready', database: 'postgres' }], [{ status: 'ready' }, { status: 'ready', database: 'mysql' }], 'readyz 200');
  accepts(answerSchema(ready, '503'), [{ status: 'unavailable', database: 'postgres' }], [{ status: 'ready', database: 'pglite' }], 'readyz 503');
});

await test('the development mailbox: GET /dev/mailbox (HTML) and /dev/mailbox/messages (JSON), at the server root', () => {
  const page = operation('/dev/mailbox', 'get');
  check(page && deref(page.responses['200']).content['text/html'], 'no GET /dev/mailbox answering text/html');
  const list = operation('/dev/mailbox/messages', 'get');
  check(list, 'no GET /dev/mailbox/messages');
  for (const pathName of ['/dev/mailbox', '/dev/mailbox/messages']) check(doc.paths[pathName].servers?.length > 0, `${pathName}: no servers override at the root`);
  const message = { id: 1, from: 'a', to: 'b', subject: 'Reset Your Password', text: 't', html: 'h', messageId: '<m@x>', date: '2026-11-30T00:00:00.000Z', locale: 'en' };
  const { id: _id, ...withoutId } = message;
  accepts(answerSchema(list, '200'), [{ messages: [] }, { messages: [message] }], [{}, { messages: [withoutId] }, { messages: [{ ...message, id: 0 }] }, { messages: message }], '/dev/mailbox/messages 200');
});

await test('login-help-server notes: base path, CORS (ALLOWED_ORIGINS, allowed and exposed headers, 403), rate limits', () => {
  const text = doc.info.description;
  const needles = ['/api/login-help', 'ALLOWED_ORIGINS', 'CORS_ALLOW_HEADERS', '`Content-Type`, `Accept`, `Accept-Language`, `X-CSRF-Token`, `Idempotency-Key`', 'Access-Control-Expose-Headers: Retry-After, X-Request-Id', '403', 'RATE_LIMIT_PER_CLIENT', 'RATE_LIMIT_PER_TARGET', 'RATE_LIMIT_PER_TOKEN', 'per 15 minutes', 'per hour', 'RESPONSE_TIME_MS'];
  for (const needle of needles) check(text.includes(needle), `info.description does not mention ${needle}`);
  for (const pathName of [...POSTS, ...RESET_POSTS]) check(deref(operation(pathName, 'options')?.responses?.['403']), `OPTIONS ${pathName} lacks the 403 of a preflight from another origin`);
});

await test('login-help-server: POST /verify-password (PORTAL_SECRET), its three signature headers and every answer; OPTIONS without CORS', () => {
  const op = operation('/verify-password');
  check(op, 'no POST /verify-password');
  const headers = (op.parameters ?? []).map(deref).filter((parameter) => parameter.in === 'header');
  for (const name of ['X-Login-Help-Timestamp', 'X-Login-Help-Nonce', 'X-Login-Help-Signature']) check(headers.find((header) => header.name === name)?.required === true, `no required ${name} header`);
  const signature = headers.find((header) => header.name === 'X-Login-Help-Signature');
  accepts(signature.schema, [`v1=${'ab'.repeat(32)}`], ['ab'.repeat(32), `v1=${'AB'.repeat(32)}`, 'v1=abc'], 'X-Login-Help-Signature');
  accepts(deref(op.requestBody).content['application/json'].schema, [{ userName: 'happypaws', password: 'x' }], [{ userName: 'happypaws' }, { password: 'x' }, { userName: 7, password: 'x' }], 'verify-password request');
  for (const key of ['200', '400', '401', '404', '413', '429', '503', '5XX', 'default']) check(Object.hasOwn(op.responses, key), `/verify-password lacks ${key}`);
  accepts(answerSchema(op, '200'), [{ status: 'valid' }, { status: 'invalid' }], [{ status: 'not_found' }, {}], 'verify-password 200');
  accepts(answerSchema(op, '401'), [{ status: 'unauthorized' }], [{ status: 'invalid' }], 'verify-password 401');
  check(deref(deref(op.responses['429']).headers?.['Retry-After']), '/verify-password 429 lacks Retry-After');
  check(/no `Access-Control-\*` header/.test(op.description) && /PORTAL_SECRET/.test(op.description), 'the description should say there is no CORS and name PORTAL_SECRET');
  const preflight = operation('/verify-password', 'options');
  check(preflight && deref(preflight.responses['404']) && !deref(preflight.responses['404']).headers?.['Access-Control-Allow-Origin'], 'OPTIONS /verify-password answers 404 without CORS');
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

for (const [pathName, method, op] of operations()) {
  for (const [where, media] of mediaTypes(op)) {
    const examples = Object.entries(media.examples ?? {}).map(([name, example]) => [name, deref(example).value]);
    if (media.example !== undefined) examples.push(['example', media.example]);
    const what = method === 'post' ? pathName : `${method.toUpperCase()} ${pathName}`;
    for (const [name, value] of examples) {
      await test(`example ${what} ${where} "${name}" matches its schema`, () => {
        check(media.schema !== undefined, 'the media type has no schema');
        mustMatch(media.schema, value, name);
      });
    }
  }
}

await test('header and parameter examples match their schemas', () => {
  for (const header of [...Object.values(doc.components.headers), ...Object.values(doc.components.parameters)]) {
    for (const [name, example] of Object.entries(header.examples ?? {})) mustMatch(header.schema, deref(example).value, name);
    if (header.example !== undefined) mustMatch(header.schema, header.example, 'example');
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
    // the keywords beyond the basic ones
    [{ type: 'array', items: { type: 'string' } }, ['a', 1]],
    [{ type: 'string', pattern: '^[a-z]+$' }, 'abc1'],
    [{ type: 'integer', minimum: 1 }, 0],
    [{ type: 'string', maxLength: 2 }, '😀😀😀'],
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
