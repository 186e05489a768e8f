// Why `npm start` watches the process that started it: npm runs a script through `sh -c`, and a
// SIGTERM sent to npm (a supervisor, a test harness, `timeout`, `docker stop`) ends npm and that
// shell but not the node process under them, which went on holding its two ports and the data
// folder's lock. A terminal's Ctrl-C reaches the whole process group, so it never needed this.

/**
 * Calls `onEnd` once, when the process that started this one has ended (this one's parent is no
 * longer the same process); checks every `intervalMs` without keeping the process alive. Returns a
 * function that stops watching.
 */
export function whenParentEnds(onEnd, intervalMs = 500) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onEnd();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
