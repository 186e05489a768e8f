// The schema, as numbered migrations applied in order at start. A migration that has shipped is
// never edited: a change is a new entry at the end.

/** One step of the schema. */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'practices, accounts, reset tokens, outbox, audit, idempotency',
    sql: `
CREATE TABLE practices (
  id serial PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX practices_name_email ON practices (lower(name), lower(email));
CREATE INDEX practices_email ON practices (lower(email));

CREATE TABLE accounts (
  id serial PRIMARY KEY,
  practice_id integer NOT NULL REFERENCES practices (id),
  user_name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  password_hash text,
  password_changed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_user_name ON accounts (lower(user_name));
CREATE INDEX accounts_practice ON accounts (practice_id);

-- A token is kept only as its SHA-256; the clear token exists in the email alone.
CREATE TABLE reset_tokens (
  id serial PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX reset_tokens_account ON reset_tokens (account_id);

-- Written in the same transaction as what caused the email; a worker delivers it.
CREATE TABLE outbox (
  id serial PRIMARY KEY,
  kind text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  text_body text,
  html_body text,
  locale text NOT NULL,
  message_id text NOT NULL UNIQUE,
  request_id text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  lease_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status IN ('pending', 'sending');

CREATE TABLE audit (
  id serial PRIMARY KEY,
  at timestamptz NOT NULL,
  form text NOT NULL,
  value text,
  requested_by text,
  outcome text NOT NULL,
  client text,
  request_id text
);
CREATE INDEX audit_at ON audit (at);

CREATE TABLE idempotency (
  scope text NOT NULL,
  key text NOT NULL,
  body_hash text NOT NULL,
  status integer NOT NULL,
  response text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_created ON idempotency (created_at);
`,
  },
  {
    id: 2,
    name: 'rate_limits, the PostgreSQL store of rate-limiter-flexible',
    // Created here (its own schema) rather than by the library at start, so instances starting
    // together do not race to create it.
    sql: `
CREATE TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
`,
  },
  {
    id: 3,
    name: 'reset tokens name their account by key (the tables\' id, or a portal directory\'s id)',
    sql: `
ALTER TABLE reset_tokens ADD COLUMN account_key text;
UPDATE reset_tokens SET account_key = account_id::text;
ALTER TABLE reset_tokens ALTER COLUMN account_key SET NOT NULL;
ALTER TABLE reset_tokens ALTER COLUMN account_id DROP NOT NULL;
CREATE INDEX reset_tokens_account_key ON reset_tokens (account_key);
`,
  },
  {
    id: 4,
    name: 'verify-password: the nonces of signed portal calls, and consecutive sign-in failures per user name',
    // Both in the database on either engine: a nonce must stay refused across a restart and across
    // instances, and so must a lock-out. A failure count is keyed by a SHA-256 of the user name.
    sql: `
CREATE TABLE portal_nonces (
  nonce text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX portal_nonces_expires ON portal_nonces (expires_at);

CREATE TABLE sign_in_failures (
  user_key text PRIMARY KEY,
  failures integer NOT NULL,
  next_attempt_at timestamptz NOT NULL,
  last_attempt_at timestamptz NOT NULL
);
`,
  },
];
