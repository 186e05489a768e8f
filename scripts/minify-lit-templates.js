// A build-only Vite plugin: squeezes the whitespace out of Lit's css`` and html`` templates in
// src/ (indentation is most of their bytes). It parses with Vite's own parser, so regex
// literals and nested templates are never mistaken for each other, and it leaves every other
// template (str`` texts with meaningful line breaks) alone.
import { parseSync } from 'vite';

/**
 * CSS: drop comments, collapse whitespace, drop it next to braces, semicolons and commas and
 * after a property's colon (a selector never has a space after its colon), and drop the zero
 * of `0.5`.
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/([\w-]):\s+/g, '$1:')
    .replace(/(^|[^\w.])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}')
    .trim();
}

/** HTML: whitespace that holds a line break is indentation; one space keeps its meaning. */
export function minifyHtml(text) {
  return text.replace(/\s*\n\s*/g, ' ');
}

const MINIFIERS = { css: minifyCss, html: minifyHtml };

function collectTemplates(node, found) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) collectTemplates(child, found);
    return;
  }
  if (node.type === 'TaggedTemplateExpression' && node.tag?.type === 'Identifier' && MINIFIERS[node.tag.name]) {
    for (const quasi of node.quasi.quasis) found.push({ quasi, minify: MINIFIERS[node.tag.name] });
  }
  for (const key of Object.keys(node)) if (key !== 'parent') collectTemplates(node[key], found);
}

/** Rewrites one module's source; returns it unchanged when nothing applies or offsets disagree. */
export function minifyLitTemplates(code, filename) {
  const { program, errors } = parseSync(filename, code);
  if (errors.length > 0) return code;
  const found = [];
  collectTemplates(program, found);
  let out = code;
  for (const { quasi, minify } of found.sort((a, b) => b.quasi.start - a.quasi.start)) {
    // The parser's span includes the delimiters: "`" or "}" before, "`" or "${" after.
    const start = quasi.start + 1;
    const end = quasi.end - (quasi.tail ? 1 : 2);
    if (code.slice(start, end) !== quasi.value.raw) return code;
    out = out.slice(0, start) + minify(quasi.value.raw) + out.slice(end);
  }
  return out;
}

export function minifyLitTemplatesPlugin() {
  return {
    name: 'login-help-minify-lit-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      return { code: minifyLitTemplates(code, id), map: null };
    },
  };
}
