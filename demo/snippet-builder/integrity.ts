/// <reference types="vite/client" />
// The SRI hash for the snippet. The built page carries it (vite.snippet.config.ts computes the
// sha384 of dist/login-help.js at build time and writes it into <meta name="login-help-integrity">
// and onto the page's own script tag, so the preview only runs when the file next to the page is
// that very file). Under the Vite dev server there is no build step: the hash is computed here
// with SubtleCrypto from the file's raw text (Vite serves the script itself rewritten).

export interface IntegritySource {
  kind: 'built' | 'dev' | 'missing';
  integrity?: string;
}

const SRI = /^sha384-[A-Za-z0-9+/]{64}$/;

export async function readIntegrity(): Promise<IntegritySource> {
  const built = document.querySelector<HTMLMetaElement>('meta[name="login-help-integrity"]')?.content;
  if (built && SRI.test(built)) return { kind: 'built', integrity: built };
  if (!import.meta.env.DEV) return { kind: 'missing' };
  try {
    const script = document.querySelector<HTMLScriptElement>('script[data-login-help-preview]');
    if (!script) return { kind: 'missing' };
    // `?raw`: Vite's own way to get a file's text untouched.
    const raw = (await import(/* @vite-ignore */ `${new URL(script.src).pathname}?raw`)) as { default: string };
    const digest = await crypto.subtle.digest('SHA-384', new TextEncoder().encode(raw.default));
    return { kind: 'dev', integrity: `sha384-${btoa(String.fromCharCode(...new Uint8Array(digest)))}` };
  } catch {
    return { kind: 'missing' };
  }
}
