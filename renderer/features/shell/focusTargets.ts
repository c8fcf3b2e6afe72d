// Elements that shortcuts move the focus to, registered by the components that own them.
// 'contact:<no>' and 'manage:<no>' open the account header's Edit contact and Manage account
// dialogs, whose first field takes the focus; the account view registers them only while it
// is the one on screen with its details loaded, so elsewhere Alt+E / Alt+U do nothing.
type Target = 'search' | `composer:${number}` | `contact:${number}` | `manage:${number}`;
const targets = new Map<Target, () => void>();

export function registerFocusTarget(name: Target, focus: () => void): () => void {
  targets.set(name, focus);
  return () => {
    if (targets.get(name) === focus) targets.delete(name);
  };
}

export function focusTarget(name: Target): boolean {
  const f = targets.get(name);
  if (!f) return false;
  f();
  return true;
}
