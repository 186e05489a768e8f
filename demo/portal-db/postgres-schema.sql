-- A Django portal's own accounts on PostgreSQL: Django's auth_user (as its migrations create it),
-- a practice table of the portal's "clinic" app, and a one-to-one profile tying a user to its
-- practice. Passwords are Django's default pbkdf2_sha256$…. login-help-server does not own these
-- tables; it reads them and writes auth_user.password through postgres-queries.sql.
-- Safe to run again: nothing is created twice.

CREATE TABLE IF NOT EXISTS auth_user (
  id serial PRIMARY KEY,
  password varchar(128) NOT NULL,
  last_login timestamptz NULL,
  is_superuser boolean NOT NULL DEFAULT false,
  username varchar(150) NOT NULL UNIQUE,
  first_name varchar(150) NOT NULL DEFAULT '',
  last_name varchar(150) NOT NULL DEFAULT '',
  email varchar(254) NOT NULL DEFAULT '',
  is_staff boolean NOT NULL DEFAULT false,
  is_active boolean NOT NULL DEFAULT true,
  date_joined timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS clinic_practice (
  id serial PRIMARY KEY,
  name varchar(200) NOT NULL,
  email varchar(254) NOT NULL,
  is_active boolean NOT NULL DEFAULT true
);
CREATE INDEX IF NOT EXISTS clinic_practice_email_lower ON clinic_practice (lower(email));

CREATE TABLE IF NOT EXISTS clinic_profile (
  id serial PRIMARY KEY,
  user_id integer NOT NULL UNIQUE REFERENCES auth_user (id),
  practice_id integer NOT NULL REFERENCES clinic_practice (id)
);
