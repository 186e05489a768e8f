-- A PHP portal's own accounts on MariaDB/MySQL, as many clinic portals keep them: practices, and
-- users signing in with password_hash() (bcrypt, $2y$). login-help-server does not own these
-- tables; it reads them and writes users.password through mariadb-queries.sql.
-- Safe to run again: nothing is created twice.

CREATE TABLE IF NOT EXISTS practices (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  email VARCHAR(254) NOT NULL,
  is_active TINYINT(1) NOT NULL DEFAULT 1,
  KEY practices_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE IF NOT EXISTS users (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  practice_id INT UNSIGNED NOT NULL,
  username VARCHAR(150) NOT NULL,
  -- What the portal's sign-in passes to password_verify().
  password VARCHAR(255) NULL,
  is_active TINYINT(1) NOT NULL DEFAULT 1,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  UNIQUE KEY users_username (username),
  CONSTRAINT users_practice FOREIGN KEY (practice_id) REFERENCES practices (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
