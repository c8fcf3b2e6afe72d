// Connection profiles over IPC. Secrets go in, never out.
import type { Handlers } from '../router';
import type { ProfileStore } from '../settings/profiles';
import type { Connection } from './connection';

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
      return connection.test(profiles.get(input.name));
    },
  };
}
