// Closing a tab and leaving Settings, with the question first when something typed would
// be lost (unsavedStore). Every way of closing (×, Delete, Alt+W) and of leaving Settings
// (Back, the Settings button, a tab, Ctrl+K) goes through here.
import { closeAccount } from './reset';
import { useShell, type Screen, type SettingsFocus } from './shellStore';
import { useUnsaved } from './unsavedStore';

export async function requestCloseAccount(accountNo: number): Promise<boolean> {
  if (!(await useUnsaved.getState().confirmLeave(accountNo))) return false;
  closeAccount(accountNo);
  return true;
}

export async function requestScreen(screen: Screen, focus?: SettingsFocus | null): Promise<boolean> {
  const shell = useShell.getState();
  if (shell.screen === 'settings' && screen !== 'settings' && !(await useUnsaved.getState().confirmLeave('settings'))) return false;
  useShell.getState().showScreen(screen, focus);
  return true;
}
