// Elements that shortcuts move the focus to, registered by the components that own them.
type Target = 'search' | `composer:${number}`;
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
