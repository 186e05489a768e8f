// A build-only Vite plugin: escapes every non-ASCII character of the main bundle as \uXXXX, so
// dist/login-help.js reads the same on a CMS page that lacks <meta charset="utf-8">, however it is
// served. (An escape is valid anywhere a non-ASCII character can stand in minified JS: string,
// template and regex literals, identifiers.) Locale chunks stay UTF-8: they are only ever loaded
// by import(), and module scripts are always decoded as UTF-8, so escaping would only grow them.
// It also marks the bundle's one computed import() with /* @vite-ignore */ again (minification
// drops comments), so a Vite dev server that serves dist/ (the demo's CMS page) does not warn.
export function asciiEntryPlugin() {
  return {
    name: 'login-help-ascii-entry',
    apply: 'build',
    // After minification, which would print the escapes back as UTF-8.
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.name.startsWith('locales/')) continue;
        chunk.code = chunk.code
          .replace(/[^\t\n\r\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
          .replaceAll('import(new URL(', 'import(/* @vite-ignore */new URL(');
      }
    },
  };
}
