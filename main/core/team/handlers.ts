// teamStore.* over IPC (admins, not on a kiosk): the desk's team-store settings, "Test
// connection" and the shipping status. Passwords go in (to the secret store), never out.
// Saving applies at once: the shipper and the team directory restart with the new settings.
import { CoreError } from '../errors';
import type { Handlers } from '../router';
import type { SecretStore } from '../secrets/secretStore';
import type { TeamStoreForm, TeamStoreView } from '../../../shared/ipc/teamStore';
import {
  readTeamSettings,
  removeTeamSettings,
  saveTeamSettings,
  TEAM_DIRECTORY_PASSWORD_KEY,
  TEAM_PASSWORD_KEY,
  TEAM_READER_PASSWORD_KEY,
  TeamSettingsError,
  validateTeamSettings,
  type TeamStoreSettings,
} from './config';
import { teamAdmins, testTeamLogin } from './check';
import type { TeamDesk } from './desk';
import type { TeamConnection } from './store';
import { say } from '../../../shared/ipc/say';

type TeamHandlers = Pick<Handlers, 'teamStore.get' | 'teamStore.save' | 'teamStore.test' | 'teamStore.status'>;

export interface TeamStoreHandlerOptions {
  dataDir: string;
  secrets: SecretStore;
  team: TeamDesk;
  env?: NodeJS.ProcessEnv;
}

/** The form's values as settings; a bad value is a VALIDATION error naming its field. */
function settingsOf(form: TeamStoreForm): TeamStoreSettings {
  try {
    return validateTeamSettings({
      url: form.url,
      ...(form.tls ? { tls: form.tls } : {}),
      ...(form.caFile ? { caFile: form.caFile } : {}),
      ...(form.readerUrl ? { readerUrl: form.readerUrl } : {}),
      ...(form.directory ? { directory: true } : {}),
      ...(form.directoryUrl ? { directoryUrl: form.directoryUrl } : {}),
    });
  } catch (e) {
    if (e instanceof TeamSettingsError) throw new CoreError('VALIDATION', say('teamStoreSettings'), [{ path: e.field, message: e.message }]);
    throw e;
  }
}

const userOf = (url: string) => {
  try {
    return decodeURIComponent(new URL(url).username);
  } catch {
    return '';
  }
};

export function teamStoreHandlers(o: TeamStoreHandlerOptions): TeamHandlers {
  const env = o.env ?? process.env;
  const managed = () => !!env.CSR_TEAM_STORE_URL;

  const view = async (): Promise<TeamStoreView> => {
    let s: TeamStoreSettings | null;
    try {
      s = readTeamSettings(o.dataDir, env);
    } catch {
      s = null; // a settings file that does not validate: shown empty, status() says why
    }
    return {
      configured: !!s,
      url: s?.url ?? '',
      tls: s?.tls ?? null,
      caFile: s?.caFile ?? '',
      readerUrl: s?.readerUrl ?? '',
      directory: s?.directory ?? false,
      directoryUrl: s?.directoryUrl ?? '',
      hasPassword: await o.secrets.has(TEAM_PASSWORD_KEY),
      hasReaderPassword: await o.secrets.has(TEAM_READER_PASSWORD_KEY),
      hasDirectoryPassword: await o.secrets.has(TEAM_DIRECTORY_PASSWORD_KEY),
      managed: managed(),
    };
  };

  /** The typed password, else the stored one. */
  const password = async (typed: string | undefined, key: string) => typed ?? (await o.secrets.get(key));
  const connOf = (s: TeamStoreSettings, url: string, pw: string | undefined): TeamConnection | null =>
    pw === undefined ? null : { url, password: pw, ...(s.tls ? { tls: s.tls } : {}), ...(s.caFile ? { caFile: s.caFile } : {}) };

  return {
    async 'teamStore.get'() {
      return view();
    },

    async 'teamStore.save'(form) {
      if (managed()) throw new CoreError('FORBIDDEN', say('teamStoreManaged'));
      if (!form.url) {
        // Work alone: the settings and the team store's passwords go; the local log stays.
        await removeTeamSettings(o.dataDir, o.secrets);
        await o.team.reload();
        return view();
      }
      const s = settingsOf(form);
      const pw = await password(form.password, TEAM_PASSWORD_KEY);
      if (pw === undefined) throw new CoreError('VALIDATION', say('teamPasswordNeeded'), [{ path: 'password', message: 'required' }]);
      if (s.readerUrl && (await password(form.readerPassword, TEAM_READER_PASSWORD_KEY)) === undefined)
        throw new CoreError('VALIDATION', say('teamReaderPasswordNeeded'), [{ path: 'readerPassword', message: 'required' }]);
      if (s.directoryUrl && (await password(form.directoryPassword, TEAM_DIRECTORY_PASSWORD_KEY)) === undefined)
        throw new CoreError('VALIDATION', say('teamDirectoryPasswordNeeded'), [{ path: 'directoryPassword', message: 'required' }]);
      if (s.directory && !s.directoryUrl) {
        // Signing in with a team directory that has no admin, on a desk that cannot add one, would lock every admin out.
        const admins = await teamAdmins(connOf(s, s.url, pw)!);
        if (admins === null)
          throw new CoreError('VALIDATION', say('teamDirectoryUnreadable'), [
            { path: 'directory', message: 'team directory not readable' },
          ]);
        if (admins === 0)
          throw new CoreError('VALIDATION', say('teamDirectoryNoAdmin'), [
            { path: 'directory', message: 'no admin in the team directory' },
          ]);
      }
      await saveTeamSettings(o.dataDir, o.secrets, s, form.password);
      if (form.readerPassword) await o.secrets.set(TEAM_READER_PASSWORD_KEY, form.readerPassword);
      if (!s.readerUrl) await o.secrets.delete(TEAM_READER_PASSWORD_KEY);
      if (form.directoryPassword) await o.secrets.set(TEAM_DIRECTORY_PASSWORD_KEY, form.directoryPassword);
      if (!s.directoryUrl) await o.secrets.delete(TEAM_DIRECTORY_PASSWORD_KEY);
      await o.team.reload();
      return view();
    },

    async 'teamStore.test'({ form }) {
      if (!form.url) throw new CoreError('VALIDATION', say('teamUrlNeeded'), [{ path: 'form.url', message: 'required' }]);
      let s: TeamStoreSettings;
      try {
        s = settingsOf(form);
      } catch (e) {
        if (e instanceof CoreError) throw new CoreError('VALIDATION', e.say, e.fields.map((f) => ({ ...f, path: `form.${f.path}` })));
        throw e;
      }
      const logins = [await testTeamLogin('desk', connOf(s, s.url, await password(form.password, TEAM_PASSWORD_KEY)), userOf(s.url))];
      if (s.readerUrl) logins.push(await testTeamLogin('reader', connOf(s, s.readerUrl, await password(form.readerPassword, TEAM_READER_PASSWORD_KEY)), userOf(s.readerUrl)));
      if (s.directoryUrl)
        logins.push(await testTeamLogin('directory', connOf(s, s.directoryUrl, await password(form.directoryPassword, TEAM_DIRECTORY_PASSWORD_KEY)), userOf(s.directoryUrl)));
      return { ok: logins.every((l) => l.ok), logins };
    },

    async 'teamStore.status'() {
      const st = o.team.status();
      const sh = st.shipping;
      return {
        configured: st.configured,
        url: st.url,
        problem: st.problem,
        problemFault: st.problemFault,
        state: sh?.state ?? null,
        queued: st.queued,
        shippedSeq: sh?.shippedSeq ?? null,
        lastShipAt: sh?.lastShipAt ?? null,
        lastError: sh?.lastError ? { fault: sh.lastError.fault, at: sh.lastError.at } : null,
        nextAttemptAt: sh?.nextAttemptAt ?? null,
        directory: st.directory,
      };
    },
  };
}
