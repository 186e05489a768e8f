// Configuration (SPEC §9 names): the defaults, and a bad value stops the start naming its variable.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has the SPEC defaults', () => {
    const config = loadConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8787);
    assert.equal(config.basePath, '/api/login-help');
    assert.equal(config.dataDir, './.login-help-data');
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.mailFrom, 'Login Help <no-reply@localhost>');
    assert.equal(config.resetUrl, 'http://127.0.0.1:8787/reset');
    assert.equal(config.tokenTtlMinutes, 60);
    assert.equal(config.passwordMinLength, 15);
    assert.equal(config.reveal, true);
    assert.equal(config.rateLimitPerClient, 100);
    assert.equal(config.rateLimitPerTarget, 5);
    assert.deepEqual(config.allowedOrigins, []);
  });

  it('follows HOST and PORT into the default RESET_URL', () => {
    assert.equal(loadConfig({ HOST: '0.0.0.0', PORT: '9000' }).resetUrl, 'http://0.0.0.0:9000/reset');
    assert.equal(loadConfig({ HOST: '::1' }).resetUrl, 'http://[::1]:8787/reset');
  });

  const bad: [string, string][] = [
    ['PORT', '70000'],
    ['PORT', 'abc'],
    ['TOKEN_TTL_MINUTES', '0'],
    ['TOKEN_TTL_MINUTES', '0.01'],
    ['TOKEN_TTL_MINUTES', '1e3'],
    ['PASSWORD_MIN_LENGTH', '3'],
    ['REVEAL', 'perhaps'],
    ['RATE_LIMIT_PER_TARGET', '-1'],
    ['DATABASE_URL', 'mysql://x'],
    ['SMTP_URL', 'http://mail'],
    ['RESET_URL', 'javascript:alert(1)'],
    ['ALLOWED_ORIGINS', 'https://portal.example/path'],
    ['BASE_PATH', 'api'],
    ['SUPPORT_EMAIL', 'help@x.example?cc=evil'],
    ['LOG_LEVEL', 'loud'],
  ];
  for (const [name, value] of bad) {
    it(`refuses ${name}=${value} naming ${name}`, () => {
      assert.throws(() => loadConfig({ [name]: value }), (error: unknown) => error instanceof ConfigError && error.message.startsWith(name));
    });
  }

  it('never prints a password from DATABASE_URL or SMTP_URL', () => {
    assert.throws(() => loadConfig({ SMTP_URL: 'ftp://user:hunter2@mail' }), (error: unknown) => !(error as Error).message.includes('hunter2'));
  });
});
