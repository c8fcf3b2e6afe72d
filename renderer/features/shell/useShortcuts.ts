// One window-level keydown handler for the shortcuts in ./shortcuts (not while a dialog
// has the focus: dialogs own their keys).
import { useEffect } from 'react';
import { requestCloseAccount, requestScreen } from '../../state/navigation';
import { useSearch } from '../../state/searchStore';
import { useShell } from '../../state/shellStore';
import { useWorkspace, type AccountSection } from '../../state/workspaceStore';
import { sectionTabId } from '../account/AccountView';
import { focusTarget } from './focusTargets';
import { SHORTCUTS, isEditable, type ShortcutId } from './shortcuts';
import { useCreateAccount } from '../createAccount/createAccountStore';

const afterRender = (fn: () => void) => requestAnimationFrame(() => fn());

const SECTION_OF: Partial<Record<ShortcutId, AccountSection>> = {
  sectionOverview: 'overview',
  sectionBillingGroups: 'billingGroups',
  sectionComments: 'comments',
  sectionAddress: 'address',
  sectionPlans: 'plans',
};

export function runShortcut(id: ShortcutId): void {
  const ws = useWorkspace.getState();
  switch (id) {
    case 'focusSearch':
      void requestScreen('workspace').then((left) => {
        if (!left) return;
        ws.activate('search');
        afterRender(() => focusTarget('search'));
      });
      return;
    case 'nextResult':
    case 'previousResult':
      if (ws.active === 'search') useSearch.getState().moveActive(id === 'nextResult' ? 1 : -1);
      return;
    case 'newAccount':
      // From anywhere: back to the search screen, where a new account starts (issue 10 item 2).
      void requestScreen('workspace').then((left) => {
        if (!left) return;
        ws.activate('search');
        useCreateAccount.getState().show();
      });
      return;
    case 'newComment':
      if (typeof ws.active === 'number') {
        const accountNo = ws.active;
        ws.setSection(accountNo, 'comments');
        afterRender(() => focusTarget(`composer:${accountNo}`));
      }
      return;
    case 'sectionOverview':
    case 'sectionBillingGroups':
    case 'sectionComments':
    case 'sectionAddress':
    case 'sectionPlans':
      if (typeof ws.active === 'number') {
        const accountNo = ws.active;
        const section = SECTION_OF[id]!;
        ws.setSection(accountNo, section);
        // The focus goes to the section's tab, so the keyboard carries on from there.
        afterRender(() => document.getElementById(sectionTabId(accountNo, section))?.focus());
      }
      return;
    case 'editContact':
    case 'manageAccount':
      // Like the section keys: only on an open account (focusTargets says when it counts).
      if (typeof ws.active === 'number') focusTarget(`${id === 'editContact' ? 'contact' : 'manage'}:${ws.active}`);
      return;
    case 'closeTab':
      if (typeof ws.active === 'number') void requestCloseAccount(ws.active);
      return;
    case 'nextTab':
    case 'previousTab':
      ws.cycle(id === 'nextTab' ? 1 : -1);
      return;
    case 'showShortcuts':
      useShell.getState().setShortcutsOpen(true);
      return;
  }
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[role="dialog"]')) return;
      const hit = SHORTCUTS.find((s) => s.matches(e, isEditable(target)));
      if (!hit) return;
      e.preventDefault();
      runShortcut(hit.id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
