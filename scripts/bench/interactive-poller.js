// The moment a page's form becomes usable, as `npm run bench` and the profile measure it.

/**
 * Injected before any page script: polls (one message-loop task at a time, so it never blocks
 * the page) until an `input[type=email]` anywhere in the page, shadow roots included, is rendered
 * and takes focus; stores `performance.now()` (ms since navigation start) in `__interactiveAt` and
 * marks `lh-interactive` for traces (scripts/bench/profile.js).
 */
export function interactivePoller() {
  const deepFind = (root) => {
    const hit = root.querySelector('input[type=email]');
    if (hit) return hit;
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) {
        const inner = deepFind(element.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const input = document.documentElement ? deepFind(document) : null;
    if (input && !input.disabled && input.getClientRects().length > 0) {
      input.focus({ preventScroll: true });
      if (input.getRootNode().activeElement === input) {
        globalThis.__interactiveAt = performance.now();
        performance.mark('lh-interactive');
        input.blur();
        return;
      }
    }
    if (performance.now() < 15_000) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
}
