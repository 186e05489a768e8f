// Demo only: mock backend. A real page talks to a real /api; this one answers in the browser with
// msw, using the very handlers the tests use (src/mock-backend.ts, shipped as login-help/mock-backend; SPEC §7), so the demo and
// the tests cannot drift apart.
import { setupWorker } from 'msw/browser';
import { createHandlers } from '../src/mock-backend.js';

/** The `endpoint` every demo page gives `<login-help>`. */
export const API_BASE = '/api';

async function start(): Promise<boolean> {
  try {
    await setupWorker(...createHandlers(API_BASE)).start({
      onUnhandledRequest: 'bypass',
      serviceWorker: { url: '/mockServiceWorker.js' },
    });
    return true;
  } catch (error) {
    // No service worker (e.g. a private window, or not served from localhost/https): say so
    // rather than let every submit look like a broken widget.
    console.error(`login-help demo: the mock backend did not start, so submits go to ${API_BASE} for real and fail.`, error);
    return false;
  }
}

/**
 * Whether the mock is answering. Awaited at the top level: a module that imports this one runs
 * only once the worker is ready, so nothing can be submitted before it.
 */
export const mockBackendStarted = await start();
