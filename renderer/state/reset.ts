// Whole-workspace actions that touch every feature slice: closing an account's tab
// (its caches go with it), and the reset after a profile switch or a kiosk timeout.
import { useBillingGroups } from './billingGroupsStore';
import { useComments } from './commentsStore';
import { usePermAddress } from './permAddressStore';
import { usePlans } from '../features/plans/plansStore';
import { useSearch } from './searchStore';
import { useShell } from './shellStore';
import { useWorkspace } from './workspaceStore';

export function closeAccount(accountNo: number): void {
  useWorkspace.getState().close(accountNo);
  useBillingGroups.getState().forget(accountNo);
  useComments.getState().forget(accountNo);
  usePermAddress.getState().forget(accountNo);
  usePlans.getState().forget(accountNo);
}

/**
 * Back to an empty search screen: every tab closed, every cache cleared. After a profile
 * switch the recent list is forgotten too (it names another system's accounts); a kiosk,
 * or a change of operator, forgets it so the next person does not see who came before.
 */
export function resetWorkspace(reason: 'profile' | 'kiosk' | 'operator'): void {
  useWorkspace.getState().reset({ forgetRecent: true });
  useBillingGroups.getState().reset();
  useComments.getState().reset();
  usePermAddress.getState().reset();
  usePlans.getState().reset();
  useSearch.getState().reset();
  useShell.setState({ shortcutsOpen: false, screen: reason === 'profile' ? useShell.getState().screen : 'workspace' });
}
