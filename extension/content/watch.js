/**
 * Notices when a page's content changes after the first look: single-page sites that swap
 * their content and change URL without a page load, and text rendered late by scripts.
 *
 * On a page that passed the first look, a MutationObserver on `<body>` reports changes,
 * debounced so a burst of rendering costs one re-read. On any other page only the `<title>` is
 * watched (a route change nearly always retitles the page), plus two late re-checks on pages
 * that have no heading yet when the script runs. URL changes made with the History API are seen
 * through the Navigation API (Chrome, Firefox 147+); where it is missing, by comparing
 * `location.href` once a second (the page's `history` functions live in another JavaScript
 * world and cannot be wrapped from here).
 */

const SETTLE_MS = 500;
const LATE_CHECKS_MS = [1500, 5000];

/** Calls `onChange` once the page's body has been quiet for a moment after changing. */
export function watchBody(onChange) {
  let timer = null;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(onChange, SETTLE_MS);
  });
  observer.observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}

/**
 * Calls `onChange` when the title changes, and, on a page that has no heading yet (a shell
 * whose content a script is still rendering), a couple of times after load.
 */
export function watchTitle(onChange) {
  const rendered = document.querySelector('h1, h2') !== null;
  const timers = rendered ? [] : LATE_CHECKS_MS.map((delay) => setTimeout(onChange, delay));
  const observer = new MutationObserver(onChange);
  const head = document.head ?? document.documentElement;
  observer.observe(head, { childList: true, subtree: true, characterData: true });
  return () => {
    timers.forEach(clearTimeout);
    observer.disconnect();
  };
}

const URL_POLL_MS = 1000;

/** Calls `onChange` whenever the page's URL changes without a new document. */
export function watchUrl(onChange) {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };

  if (window.navigation?.addEventListener) {
    window.navigation.addEventListener('currententrychange', check);
  } else {
    setInterval(check, URL_POLL_MS);
  }
}
