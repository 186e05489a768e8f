-- login-help-server's queries for the Django portal of postgres-schema.sql (DIRECTORY_SQL_FILE,
-- with DIRECTORY_SQL_URL=postgres://… and PASSWORD_HASH_FORMAT=pbkdf2-sha256). Each :name is a
-- bound value; account_id travels as text, so it is cast to the integer the id column holds.

-- name: find-logins-by-email
SELECT p.name AS practice_name, u.username AS user_name, p.email AS practice_email
  FROM clinic_practice p
  JOIN clinic_profile c ON c.practice_id = p.id
  JOIN auth_user u ON u.id = c.user_id
 WHERE lower(p.email) = lower(:email)
   AND p.is_active AND u.is_active
 ORDER BY p.name, u.username;

-- name: find-account-by-user-name
SELECT u.id::text AS account_id, u.username AS user_name, p.name AS practice_name, p.email AS practice_email
  FROM auth_user u
  JOIN clinic_profile c ON c.user_id = u.id
  JOIN clinic_practice p ON p.id = c.practice_id
 WHERE lower(u.username) = lower(:user_name)
   AND u.is_active AND p.is_active;

-- name: find-account
SELECT u.id::text AS account_id, u.username AS user_name, p.name AS practice_name, p.email AS practice_email
  FROM auth_user u
  JOIN clinic_profile c ON c.user_id = u.id
  JOIN clinic_practice p ON p.id = c.practice_id
 WHERE u.id = CAST(:account_id AS integer)
   AND u.is_active AND p.is_active;

-- name: set-password
-- Only an account that is still active: otherwise no row changes and the link is dead.
UPDATE auth_user u
   SET password = :password_hash
  FROM clinic_profile c
  JOIN clinic_practice p ON p.id = c.practice_id
 WHERE c.user_id = u.id
   AND u.id = CAST(:account_id AS integer)
   AND u.is_active AND p.is_active;

-- name: sample-password-hashes
-- Django marks an unusable password with a leading "!".
SELECT password AS password_hash
  FROM auth_user
 WHERE password <> '' AND password NOT LIKE '!%'
 ORDER BY id DESC
 LIMIT 20;
