/**
 * The browser adapter: the one module that knows Chrome and Firefox apart.
 *
 * Everything else imports `ext` (the promise-based WebExtension API of whichever browser runs
 * us) and the few helpers below instead of testing for a browser itself. Known differences it
 * covers: the `browser` versus `chrome` namespace, a service worker (Chrome) versus an event
 * page (Firefox) as the background, and notification icons (required by Chrome).
 */

/** The WebExtension API: `browser` in Firefox, `chrome` in Chromium (promise-based in MV3). */
export const ext = globalThis.browser ?? globalThis.chrome;

/**
 * The origin our own pages load from, with the trailing slash (`chrome-extension://id/`).
 * A function, not a constant: the content script must not touch the extension API at start-up
 * on pages it then leaves alone (the first access builds the API's bindings, which costs).
 */
export function extensionBase() {
  return ext.runtime.getURL('');
}

/** True in Firefox, whose extension URLs are `moz-extension:`. */
export function isFirefox() {
  return extensionBase().startsWith('moz-extension:');
}

/**
 * Whether a message comes from one of our own extension pages (popup, options, comparison),
 * as opposed to a content script running inside a web page.
 */
export function isOwnPage(sender) {
  if (!sender || sender.id !== ext.runtime.id) return false;
  const url = sender.url ?? '';
  const base = extensionBase();
  return url.startsWith(base) && !url.startsWith(`${base}content/`);
}

/** Options every notification needs in both browsers (Chrome refuses one without an icon). */
export function notificationOptions(title, message) {
  return {
    type: 'basic',
    iconUrl: ext.runtime.getURL('icons/icon-128.png'),
    title,
    message,
  };
}

/** A localised UI string from `_locales/<lang>/messages.json`. */
export function t(name, ...substitutions) {
  return ext.i18n.getMessage(name, substitutions) || name;
}
