-- The demo clinic of SPEC §7 in the PHP portal's tables, added once. Its password hash is what
-- PHP's password_hash('Old front desk password 2019', PASSWORD_BCRYPT, ['cost' => 12]) wrote.
INSERT INTO practices (name, email)
SELECT 'Happy Paws Veterinary Clinic', 'frontdesk@happypaws.example' FROM DUAL
 WHERE NOT EXISTS (SELECT 1 FROM practices WHERE email = 'frontdesk@happypaws.example');

INSERT INTO users (practice_id, username, password)
SELECT id, 'happypaws', '$2y$12$8ImOb1Oten7XS2wUg5QbtOOSTmesa9wktPELPrALgrsKgNiRUAFD6'
  FROM practices WHERE email = 'frontdesk@happypaws.example'
   AND NOT EXISTS (SELECT 1 FROM users WHERE username = 'happypaws')
 LIMIT 1;
