// jsdom set-up for component tests: jest-dom matchers, i18n in English, and the layout
// numbers jsdom does not compute (virtualised lists need a viewport to render rows).
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { initI18n } from '../../../renderer/i18n';

initI18n('en');
// The CI machines are small and shared: give async UI a little longer than the default.
configure({ asyncUtilTimeout: 4000 });

// Scroll containers of virtualised lists report a viewport; everything else stays 0.
const viewport = (el: Element, size: number) => (el instanceof HTMLElement && el.hasAttribute('data-virtual-scroll') ? size : 0);
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get() { return viewport(this, 800); } });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get() { return viewport(this, 1200); } });
Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get() { return viewport(this, 800); } });
Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get() { return viewport(this, 1200); } });

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}
Element.prototype.scrollTo ??= function scrollTo() {};
Element.prototype.scrollIntoView ??= function scrollIntoView() {};

// A key with no string shows as the key itself: renderer/i18n says so on the console, and a
// component test that renders one fails.
const missingTexts: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('No text for the key ')) missingTexts.push(args[0]);
  consoleError(...args);
};

afterEach(() => {
  cleanup();
  const missing = missingTexts.splice(0);
  if (missing.length) throw new Error(`The screen showed keys without a string: ${[...new Set(missing)].join(', ')}`);
});
