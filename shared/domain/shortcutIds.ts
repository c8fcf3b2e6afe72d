// The names of the desk's keyboard shortcuts, shared by the renderer (which handles the keys)
// and the Electron menu (which shows them), so the two lists cannot drift apart.
export type ShortcutId =
  | 'focusSearch'
  | 'nextResult'
  | 'previousResult'
  | 'newComment'
  | 'newAccount'
  | 'sectionOverview'
  | 'sectionBillingGroups'
  | 'sectionComments'
  | 'sectionAddress'
  | 'sectionPlans'
  | 'editContact'
  | 'manageAccount'
  | 'closeTab'
  | 'nextTab'
  | 'previousTab'
  | 'showShortcuts';
