-- login-help-server's queries for the PHP portal of mariadb-schema.sql (DIRECTORY_SQL_FILE, with
-- DIRECTORY_SQL_URL=mysql://… and PASSWORD_HASH_FORMAT=bcrypt). Each :name is a bound value.
-- The comparisons use LOWER() on both sides: any case matches, and a % or _ is only a character.

-- name: find-logins-by-email
SELECT p.name AS practice_name, u.username AS user_name, p.email AS practice_email
  FROM practices p
  JOIN users u ON u.practice_id = p.id
 WHERE LOWER(p.email) = LOWER(:email)
   AND p.is_active = 1 AND u.is_active = 1
 ORDER BY p.name, u.username;

-- name: find-account-by-user-name
SELECT u.id AS account_id, u.username AS user_name, p.name AS practice_name, p.email AS practice_email
  FROM users u
  JOIN practices p ON p.id = u.practice_id
 WHERE LOWER(u.username) = LOWER(:user_name)
   AND u.is_active = 1 AND p.is_active = 1;

-- name: find-account
SELECT u.id AS account_id, u.username AS user_name, p.name AS practice_name, p.email AS practice_email
  FROM users u
  JOIN practices p ON p.id = u.practice_id
 WHERE u.id = :account_id
   AND u.is_active = 1 AND p.is_active = 1;

-- name: set-password
-- Only an account that is still active: otherwise no row changes and the link is dead.
UPDATE users u
  JOIN practices p ON p.id = u.practice_id
   SET u.password = :password_hash
 WHERE u.id = :account_id
   AND u.is_active = 1 AND p.is_active = 1;

-- name: sample-password-hashes
SELECT password AS password_hash
  FROM users
 WHERE password IS NOT NULL AND password <> ''
 ORDER BY updated_at DESC
 LIMIT 20;
