// A build-only Vite plugin: squeezes the whitespace out of Lit's css`` and html`` templates in
// src/ (indentation is most of their bytes). It parses with Vite's own parser, so regex
// literals and nested templates are never mistaken for each other, and it leaves every other
// template (str`` texts with meaningful line breaks) alone.
//
// It also turns a module's css`…` into unsafeCSS(`…`) when none of its css`` templates has an
// expression: the two build the same CSSResult from a fixed string, but css() carries a check of
// interpolated values (and its long error message) that such a module never needs. Only the
// project's own constant styles qualify; nothing from outside ever reaches unsafeCSS.
//
// And it gives the styles' private custom properties (`--_color-text`: the tokens the public
// `--login-help-*` ones feed, never set from outside) short names, `--_0`, `--_1`…: their index
// among all of src/'s, sorted, so every module of a build agrees and the same source always gives
// the same bundle.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'vite';

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src');
const PRIVATE = /--_[a-z][a-z0-9-]*/g;
let privateNames;

/** Every private custom property named in src/, sorted (read once per build). */
function privateProperties() {
  privateNames ??= [
    ...new Set(
      readdirSync(SRC, { recursive: true })
        .filter((name) => String(name).endsWith('.ts'))
        .flatMap((name) => readFileSync(path.join(SRC, String(name)), 'utf8').match(PRIVATE) ?? []),
    ),
  ].sort();
  return privateNames;
}

/** CSS with each private custom property (`--_name`) under its short name, `--_<index>`. */
export function shortenPrivateProperties(text) {
  return text.replace(PRIVATE, (name) => {
    const index = privateProperties().indexOf(name);
    if (index < 0) throw new Error(`minify-lit-templates: ${name} is not in src/ (the list is read once per build)`);
    return `--_${index}`;
  });
}

/**
 * CSS: drop comments, collapse whitespace, drop it next to braces, semicolons and commas and
 * after a property's colon (a selector never has a space after its colon), drop the zero
 * of `0.5`, write `#ffffff` as `#fff` and `[theme='auto']` as `[theme=auto]`.
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/([\w-]):\s+/g, '$1:')
    .replace(/(^|[^\w.])0\.(\d)/g, '$1.$2')
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
    .replace(/=(['"])([a-z_][\w-]*)\1\]/gi, '=$2]')
    .replace(/;}/g, '}')
    .trim();
}

/**
 * HTML: whitespace that holds a line break is indentation; one space keeps its meaning. A static
 * attribute value that is one plain token (`part="form"`, `tabindex="-1"`) loses its quotes when a
 * space or `>` follows it (HTML's unquoted attribute syntax; never before `/>` or a binding), and
 * whitespace just inside a block-level element goes.
 */
export function minifyHtml(text) {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/(\s[\w:.-]+)="([\w.-]+)"(?=[\s>])/g, '$1=$2')
    .replace(BLOCK_BEFORE, '$1')
    .replace(BLOCK_AFTER, '$1');
}

// Whitespace just inside a block-level element (after its start tag, before its end tag) renders
// as nothing and separates no two texts (no style here makes these inline). Whitespace between two
// siblings stays: `</p> <p>` keeps the space that joins their words in textContent.
const BLOCK = '(?:div|p|ul|ol|li|section|form|dialog|h[1-6])\\b';
const BLOCK_BEFORE = new RegExp(`\\s+(<\\/${BLOCK})`, 'g');
const BLOCK_AFTER = new RegExp(`(<${BLOCK}[^<>]*>)\\s+`, 'g');

const MINIFIERS = { css: (text) => shortenPrivateProperties(minifyCss(text)), html: minifyHtml };

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
