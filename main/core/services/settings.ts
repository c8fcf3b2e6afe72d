// Connection profiles over IPC. Secrets go in, never out.
import type { Handlers } from '../router';
import type { ProfileStore } from '../settings/profiles';
import type { Connection } from './connection';
import { CoreError } from '../errors';
import type { Credentials, StoredProfile } from '../settings/profiles';
import type { ChannelInput } from '../../../shared/ipc';
import { say } from '../../../shared/ipc/say';

type TestForm = NonNullable<ChannelInput<'profiles.test'>['form']>;

/**
 * What "Test connection" tries: the form's values over the saved profile (if there is one).
 * The embedded sandbox's URL and secrets are the app's; a remote profile's secrets are the
 * typed ones, else the stored ones.
 */
async function formProfile(profiles: ProfileStore, name: string, form: TestForm): Promise<[StoredProfile, Credentials]> {
  const saved = profiles.list().find((p) => p.name === name) ?? null;
  const userID = form.userID ?? saved?.userID;
  const signatureVersion = form.signatureVersion ?? saved?.signatureVersion ?? '2.0';
  if (saved?.kind === 'sandbox') return [{ ...saved, userID: userID ?? saved.userID, signatureVersion }, await profiles.credentials(saved.name)];
  const baseUrl = form.baseUrl ?? saved?.baseUrl;
  const clientNo = form.clientNo ?? saved?.clientNo;
  const authKey = form.authKey ?? (saved ? await profiles.storedSecret(saved.name, 'authKey') : undefined);
  const signingSecret = form.signingSecret ?? (saved ? await profiles.storedSecret(saved.name, 'signingSecret') : undefined);
  const missing = [
    ...(baseUrl === undefined ? ['baseUrl'] : []),
    ...(clientNo === undefined ? ['clientNo'] : []),
    ...(!userID ? ['userID'] : []),
    ...(!authKey ? ['authKey'] : []),
    ...(!signingSecret ? ['signingSecret'] : []),
  ];
  if (missing.length || baseUrl === undefined || clientNo === undefined || !userID || !authKey || !signingSecret)
    throw new CoreError('VALIDATION', say('testNeedsFields'), missing.map((path) => ({ path: `form.${path}`, message: 'required to test' })));
  return [{ name, kind: 'remote', baseUrl, clientNo, userID, signatureVersion }, { authKey, signingSecret }];
}

type SettingsHandlers = Pick<Handlers, 'profiles.list' | 'profiles.save' | 'profiles.delete' | 'profiles.activate' | 'profiles.test'>;

export function settingsHandlers(profiles: ProfileStore, connection: Connection): SettingsHandlers {
  const view = (p: ReturnType<ProfileStore['get']>) => profiles.view(p, connection.displayUrl(p));
  return {
    async 'profiles.list'() {
      return { active: profiles.activeName, profiles: await Promise.all(profiles.list().map(view)) };
    },
    async 'profiles.save'(input) {
      const saved = await profiles.save(input);
      connection.invalidate();
      return view(saved);
    },
    async 'profiles.delete'(input) {
      const deleted = await profiles.delete(input.name);
      connection.invalidate();
      return { deleted };
    },
    async 'profiles.activate'(input) {
      const p = profiles.activate(input.name);
      connection.invalidate(); // switching profile switches the whole app
      return view(p);
    },
    async 'profiles.test'(input) {
      if (!input.form) return connection.test(profiles.get(input.name));
      return connection.test(...(await formProfile(profiles, input.name, input.form)));
    },
  };
}
