/**
 * `npm run admin:hash`: the salted hash of a staff password, for ADMIN_USERS ("name:hash,…").
 * The password is read from standard input (so it stays out of the shell history), or from the
 * first argument.
 */
import { hashPassword } from '../bot/admin/passwords.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write('Password: ');
  }
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

const password = process.argv[2] ?? (await readStdin());
if (password.length < 12) {
  console.error('A staff password needs at least 12 characters.');
  process.exit(1);
}
console.log(await hashPassword(password));
