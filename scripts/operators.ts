// `npm run operators -- <command> [options]`: provisions a desk's operators offline, e.g. a
// kiosk before it is set up (docs/operators.md). Works on the data folder's operators.sqlite
// while the app is closed or running (SQLite serialises the writes).
//
//   add --id ID --name "Display Name" --role agent|supervisor|admin [--final]
//   list
//   disable --id ID            enable --id ID
//   reset-password --id ID
//   --data DIR                 the data folder (default: CSR_DATA_DIR or .tmp/app-data)
//
// Passwords are read from standard input, never from the command line (argv is visible to
// every user of the machine in the process list and lands in shell history): typed twice
// without echo at a terminal, or the first line of piped input.
import { resolve, join } from 'node:path';
import { parseArgs } from 'node:util';
import { newPasswordProblem, operatorIdProblem, normalizeOperatorId, DISPLAY_NAME_MAX, PASSWORD_MIN, PASSWORD_MAX } from '../shared/domain/operators';
import { ROLES, type Role } from '../shared/ipc';
import { SqliteOperatorDirectory } from '../main/core/operators/sqliteDirectory';
import { DamagedFileError } from '../main/core/localState/damaged';
import { CoreError } from '../main/core/errors';

const USAGE = `Usage: npm run operators -- <add|list|disable|enable|reset-password> [--data DIR] [--id ID] [--name NAME] [--role ROLE] [--final]
  The password is read from standard input (never from the command line).`;

class UsageError extends Error {}

async function readLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Reads a line from the terminal without echoing it. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolvePw, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (s: string) => {
      for (const ch of s) {
        if (ch === '\r' || ch === '\n') {
          done();
          return resolvePw(value);
        }
        if (ch === '\u0003') {
          done();
          return reject(new UsageError('Cancelled.'));
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  let pw: string;
  if (process.stdin.isTTY) {
    pw = await readHidden('New password: ');
    const again = await readHidden('Again: ');
    if (again !== pw) throw new UsageError('The two passwords differ. Nothing was changed.');
  } else {
    pw = await readLine();
  }
  const problem = newPasswordProblem(pw);
  if (problem === 'tooShort') throw new UsageError(`The password must have at least ${PASSWORD_MIN} characters. Nothing was changed.`);
  if (problem === 'tooLong') throw new UsageError(`The password may have at most ${PASSWORD_MAX} characters. Nothing was changed.`);
  return pw;
}

export async function main(argv: string[]): Promise<number> {
  // Refuse a password on the command line before anything else, whatever its spelling.
  if (argv.some((a) => /^--?(password|pass|pw|p)(=|$)/i.test(a)))
    throw new UsageError('Passwords are never given on the command line (other users can read it). Pipe or type it on standard input.');
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      id: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      final: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const dataDir = resolve(values.data ?? process.env.CSR_DATA_DIR ?? '.tmp/app-data');
  const file = join(dataDir, 'operators.sqlite');
  const needId = () => {
    const problem = values.id === undefined ? 'required' : operatorIdProblem(values.id);
    if (problem) throw new UsageError(`--id: ${problem === 'required' ? 'give the operator id' : problem === 'tooLong' ? 'at most 50 characters' : 'letters, digits and . _ @ - only'}`);
    return normalizeOperatorId(values.id!);
  };

  const directory = new SqliteOperatorDirectory({ file });
  try {
    switch (command) {
      case 'list': {
        const all = await directory.list();
        if (!all.length) console.log(`No operators in ${file}. The app will ask for the first admin.`);
        for (const o of all) {
          const flags = [o.disabled ? 'disabled' : '', o.lockedUntil ? `locked until ${o.lockedUntil}` : '', o.mustChangePassword ? 'must change password' : ''].filter(Boolean);
          console.log(`${o.id}\t${o.role}\t${o.displayName}${flags.length ? `\t(${flags.join(', ')})` : ''}`);
        }
        return 0;
      }
      case 'add': {
        const id = needId();
        const displayName = values.name?.trim() ?? '';
        if (!displayName || displayName.length > DISPLAY_NAME_MAX) throw new UsageError(`--name: give a display name of 1–${DISPLAY_NAME_MAX} characters`);
        if (!ROLES.includes(values.role as Role)) throw new UsageError(`--role: one of ${ROLES.join(', ')}`);
        const password = await readPassword();
        const rec = await directory.add({ id, displayName, role: values.role as Role, password, mustChangePassword: !values.final });
        console.log(`Added ${rec.id} (${rec.role})${rec.mustChangePassword ? '; they choose their own password at the first sign-in' : ''}.`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const id = needId();
        const target = await directory.get(id);
        if (!target) throw new UsageError(`There is no operator "${id}".`);
        if (command === 'disable' && target.role === 'admin' && !target.disabled) {
          const admins = (await directory.list()).filter((o) => o.role === 'admin' && !o.disabled);
          if (admins.length <= 1) throw new UsageError('The last admin cannot be disabled: add another admin first.');
        }
        await directory.setDisabled(id, command === 'disable');
        console.log(`${id} is ${command === 'disable' ? 'disabled' : 'enabled'}.`);
        return 0;
      }
      case 'reset-password': {
        const id = needId();
        if (!(await directory.get(id))) throw new UsageError(`There is no operator "${id}".`);
        const password = await readPassword();
        await directory.resetPassword(id, password);
        console.log(`New password set for ${id}; they choose their own at the next sign-in.`);
        return 0;
      }
      default:
        throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
    }
  } finally {
    directory.close();
  }
}

const isEntry = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isEntry) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof UsageError || e instanceof DamagedFileError || e instanceof CoreError) console.error(e.message);
      else if (e instanceof TypeError && 'code' in e && String((e as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) console.error(`${e.message}\n${USAGE}`);
      else console.error(`operators: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(2);
    },
  );
}
