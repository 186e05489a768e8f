// Independent checks of a stored hash, by the software a portal's sign-in runs: PHP's
// password_verify (bcrypt, Argon2id), Django's check_password (pbkdf2_sha256), and Python's own
// bcrypt and hashlib.scrypt (re-deriving the PHC string). Debian's php-cli, python3-django and
// python3-bcrypt under /usr/bin/python3 (.ci/run installs them). Password and hash go on
// standard input, never on a command line.
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

const PHP_CHECK = '$in = json_decode(stream_get_contents(STDIN), true); exit(password_verify($in["password"], $in["hash"]) ? 0 : 1);';

const PYTHON_CHECK = `
import base64, hashlib, hmac, json, sys
given = json.load(sys.stdin)
kind, password, stored = given["kind"], given["password"], given["hash"]
if kind == "django":
    from django.conf import settings
    settings.configure(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"])
    from django.contrib.auth.hashers import check_password
    ok = check_password(password, stored)
elif kind == "bcrypt":
    import bcrypt
    ok = bcrypt.checkpw(password.encode("utf-8"), stored.encode("ascii"))
elif kind == "scrypt":
    _, name, params, salt, key = stored.split("$")
    p = dict(item.split("=") for item in params.split(","))
    unpad = lambda text: base64.b64decode(text + "=" * (-len(text) % 4))
    expected = unpad(key)
    n, r, par = 2 ** int(p["ln"]), int(p["r"]), int(p["p"])
    derived = hashlib.scrypt(password.encode("utf-8"), salt=unpad(salt), n=n, r=r, p=par, maxmem=256 * n * r, dklen=len(expected))
    ok = name == "scrypt" and hmac.compare_digest(derived, expected)
sys.exit(0 if ok else 1)
`;

/** Which reference verifier checks a format's hashes. */
export type Verifier = 'php' | 'django' | 'python-bcrypt' | 'python-scrypt';

function run(command: string, args: string[], input: object): boolean {
  const result = spawnSync(command, args, { input: JSON.stringify(input), encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} failed: ${result.error?.message ?? result.stderr}`);
  return result.status === 0;
}

/** True when the verifier accepts `password` for `hash`. */
export function verifyWith(verifier: Verifier, password: string, hash: string): boolean {
  switch (verifier) {
    case 'php':
      return run('php', ['-r', PHP_CHECK], { password, hash });
    case 'django':
      return run(PYTHON, ['-c', PYTHON_CHECK], { kind: 'django', password, hash });
    case 'python-bcrypt':
      return run(PYTHON, ['-c', PYTHON_CHECK], { kind: 'bcrypt', password, hash });
    case 'python-scrypt':
      return run(PYTHON, ['-c', PYTHON_CHECK], { kind: 'scrypt', password, hash });
  }
}

/** What is missing for the reference verifiers, or undefined when all are there. */
export function missingVerifiers(): string | undefined {
  const php = spawnSync('php', ['-r', 'exit(function_exists("password_verify") && defined("PASSWORD_ARGON2ID") ? 0 : 1);']);
  if (php.status !== 0) return "PHP's command line with password_verify and Argon2id (apt-get install php-cli)";
  const python = spawnSync(PYTHON, ['-c', 'import django, bcrypt, hashlib; hashlib.scrypt']);
  if (python.status !== 0) return `Django and bcrypt for ${PYTHON} (apt-get install python3-django python3-bcrypt)`;
  return undefined;
}
