-- The demo clinic of SPEC §7 in the Django portal's tables, added once. Its password is what
-- Django's make_password('Old front desk password 2019') wrote.
INSERT INTO clinic_practice (name, email)
SELECT 'Happy Paws Veterinary Clinic', 'frontdesk@happypaws.example'
 WHERE NOT EXISTS (SELECT 1 FROM clinic_practice WHERE email = 'frontdesk@happypaws.example');

INSERT INTO auth_user (username, email, password)
SELECT 'happypaws', 'frontdesk@happypaws.example', 'pbkdf2_sha256$260000$0YIMkHRnceEQkRvfLCt1JL$XWMTcLOVHDmIsqBat4qfvzBcXRm9LuLU2lg60AsBzi0='
 WHERE NOT EXISTS (SELECT 1 FROM auth_user WHERE username = 'happypaws');

INSERT INTO clinic_profile (user_id, practice_id)
SELECT u.id, p.id FROM auth_user u, clinic_practice p
 WHERE u.username = 'happypaws' AND p.email = 'frontdesk@happypaws.example'
   AND NOT EXISTS (SELECT 1 FROM clinic_profile WHERE user_id = u.id)
 LIMIT 1;
