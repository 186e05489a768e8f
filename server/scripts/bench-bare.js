// The bare route the service is measured against (issue #24): Fastify alone, in its own process,
// parsing the same JSON bodies against the same schemas as the two forms and answering 404
// {"status":"not_found"} — no database, no limits, no logging. Prints "listening on URL" like
// the service, so the bench starts both the same way.
//   node server/scripts/bench-bare.js   (PORT, default 0)
import Fastify from 'fastify';

const strings = (fields) => ({
  body: { type: 'object', required: fields, properties: Object.fromEntries(fields.map((field) => [field, { type: 'string', maxLength: 4096 }])) },
});
const notFound = async (_request, reply) => reply.code(404).type('application/json; charset=utf-8').send({ status: 'not_found' });

const app = Fastify({ logger: false, bodyLimit: 16 * 1024, ajv: { customOptions: { coerceTypes: false, removeAdditional: true, allErrors: true } } });
app.post('/api/login-help/forgot-username', { schema: strings(['email']) }, notFound);
app.post('/api/login-help/password-help', { schema: strings(['userName', 'requestedBy']) }, notFound);
const url = await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening on ${url}`);
process.once('SIGTERM', () => app.close().then(() => process.exit(0)));
