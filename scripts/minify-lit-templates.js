// A build-only Vite plugin: squeezes the whitespace out of Lit's css`` and html`` templates in
// src/ (indentation is most of their bytes). It parses with Vite's own parser, so regex
// literals and nested templates are never mistaken for each other, and it leaves every other
// template (str`` texts with meaningful line breaks) alone.
//
// It also turns a module's css`…` into unsafeCSS(`…`) when none of its css`` templates has an
// expression: the two build the same CSSResult from a fixed string, but css() carries a check of
// interpolated values (and its long error message) that such a module never needs. Only the
// project's own constant styles qualify; nothing from outside ever reaches unsafeCSS.
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

function collect(node, found) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node) collect(child, found);
    return;
  }
  if (node.type === 'TaggedTemplateExpression' && node.tag?.type === 'Identifier' && MINIFIERS[node.tag.name]) {
    found.templates.push({ node, minify: MINIFIERS[node.tag.name] });
  }
  if (node.type === 'ImportDeclaration' && node.source.value === 'lit') {
    const specifier = node.specifiers.find((item) => item.imported?.name === 'css' && item.local.name === 'css');
    if (specifier) found.cssImport = specifier;
  }
  for (const key of Object.keys(node)) if (key !== 'parent') collect(node[key], found);
}

/** Rewrites one module's source; returns it unchanged when nothing applies or offsets disagree. */
export function minifyLitTemplates(code, filename) {
  const { program, errors } = parseSync(filename, code);
  if (errors.length > 0) return code;
  const found = { templates: [], cssImport: undefined };
  collect(program, found);
  /** [start, end, replacement] */
  const edits = [];
  for (const { node, minify } of found.templates) {
    for (const quasi of node.quasi.quasis) {
      // The parser's span includes the delimiters: "`" or "}" before, "`" or "${" after.
      const start = quasi.start + 1;
      const end = quasi.end - (quasi.tail ? 1 : 2);
      if (code.slice(start, end) !== quasi.value.raw) return code;
      edits.push([start, end, minify(quasi.value.raw)]);
    }
  }
  const cssTemplates = found.templates.filter(({ node }) => node.tag.name === 'css');
  const { cssImport } = found;
  if (cssImport && cssTemplates.length > 0 && cssTemplates.every(({ node }) => node.quasi.expressions.length === 0)) {
    if (code.slice(cssImport.start, cssImport.end) !== 'css') return code;
    edits.push([cssImport.start, cssImport.end, 'unsafeCSS as css']);
    for (const { node } of cssTemplates) {
      edits.push([node.quasi.start, node.quasi.start, '(']);
      edits.push([node.quasi.end, node.quasi.end, ')']);
    }
  }
  let out = code;
  // Last edit first, so earlier offsets stay valid (edits never overlap).
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
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
