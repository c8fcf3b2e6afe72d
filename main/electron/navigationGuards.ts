// Decisions for navigation and new windows, as plain functions (policy.ts has the rules).

import { isAllowedExternalUrl, isAllowedNavigation } from './policy';

export interface NavigationDecision {
  allow: boolean;
  /** An allowlisted https link the user clicked: hand it to the OS browser. */
  openExternally: boolean;
}

/** will-navigate / will-redirect of a webContents whose content lives at allowedOrigin. */
export function navigationDecision(url: string, allowedOrigin: string, externalAllowlist: readonly string[]): NavigationDecision {
  if (isAllowedNavigation(url, allowedOrigin)) return { allow: true, openExternally: false };
  return { allow: false, openExternally: isAllowedExternalUrl(url, externalAllowlist) };
}

/** setWindowOpenHandler: never a new Electron window; allowlisted links go to the OS browser. */
export function windowOpenDecision(url: string, externalAllowlist: readonly string[]): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url, externalAllowlist) };
}
