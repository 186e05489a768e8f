import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkValues, scriptSrc, siteCss, snippetHtml, slotText, type BuilderValues } from '../demo/snippet-builder/snippet.js';
import { builderTexts } from '../demo/snippet-builder/texts.js';

// The snippet builder's pure logic (demo/snippet-builder/snippet.ts): the widget's own checks
// decide what it refuses, and whatever it accepts comes back unchanged from an HTML parser.
const texts = builderTexts('en');
const isColour = (value: string) => CSS.supports('color', value);
const INTEGRITY = `sha384-${'A'.repeat(64)}`;

const values = (overrides: Partial<BuilderValues> = {}): BuilderValues => ({
  endpoint: '/api/login-help',
  baseUrl: '',
  supportEmail: '',
  lang: '',
  theme: '',
  colour: '',
  show: 'both',
  headingLevel: 2,
  slots: {},
  ascii: true,
  ...overrides,
});

function parse(html: string) {
  const document = new DOMParser().parseFromString(html, 'text/html');
  const element = document.querySelector('login-help');
  if (!element) throw new Error(`no <login-help> in ${html}`);
  return { document, element };
}

describe('snippet builder (pure)', () => {
  it('flags what the widget would refuse, at the field, and accepts what it takes', () => {
    const problems = (overrides: Partial<BuilderValues>) => Object.keys(checkValues(values(overrides), texts, isColour));
    expect(problems({})).to.deep.equal([]);
    expect(problems({ endpoint: '' })).to.deep.equal(['endpoint']);
    expect(problems({ endpoint: 'javascript:alert(1)' })).to.deep.equal(['endpoint']);
    expect(problems({ endpoint: 'ftp://portal.example/api' })).to.deep.equal(['endpoint']);
    expect(problems({ endpoint: 'https://user:secret@portal.example/api' })).to.deep.equal(['endpoint']);
    expect(problems({ endpoint: 'https://portal.example/api\n' })).to.deep.equal([]); // trimmed, as the widget does
    expect(problems({ endpoint: 'https://portal.example/a\u200Bpi' })).to.deep.equal(['endpoint']);
    expect(problems({ supportEmail: 'help@clinic.example?cc=evil@x.example' })).to.deep.equal(['support-email']);
    expect(problems({ supportEmail: 'help desk@clinic.example' })).to.deep.equal(['support-email']);
    expect(problems({ supportEmail: ' help@clinic.example ' })).to.deep.equal([]);
    expect(problems({ baseUrl: 'javascript:void(0)//' })).to.deep.equal(['base-url']);
    expect(problems({ colour: 'red; } body { display: none' })).to.deep.equal(['colour']);
    expect(problems({ colour: 'oklch(50% 0.1 180)' })).to.deep.equal([]);
    expect(problems({ slots: { heading: 'a\u202Eb' } })).to.deep.equal(['slot-heading']);
    expect(problems({ slots: { intro: 'x'.repeat(501) } })).to.deep.equal(['slot-intro']);
  });

  it('writes the script tag with SRI, only non-default attributes, and the slots', () => {
    const html = snippetHtml(
      values({ baseUrl: 'https://cdn.example/lh', lang: 'es', show: 'password', theme: 'dark', headingLevel: 3, slots: { heading: 'Hola <b>' } }),
      INTEGRITY,
    );
    expect(html).to.equal(
      `<script type="module" src="https://cdn.example/lh/login-help.js" integrity="${INTEGRITY}" crossorigin="anonymous"></script>\n` +
        '<login-help endpoint="/api/login-help" lang="es" show="password" theme="dark" heading-level="3">\n' +
        '  <span slot="heading">Hola &lt;b&gt;</span>\n</login-help>\n',
    );
    expect(scriptSrc('')).to.equal('login-help.js');
    expect(scriptSrc('/assets/login-help.js')).to.equal('/assets/login-help.js');
    expect(snippetHtml(values(), undefined)).to.equal('<script type="module" src="login-help.js"></script>\n<login-help endpoint="/api/login-help"></login-help>\n');
  });

  it('CSS: the reservation, and the brand colour as the documented custom property', () => {
    const css = siteCss(values({ colour: '#0f766e' }), texts, { height: 700, width: 500 });
    expect(css).to.contain('login-help:not(:defined) {\n  display: block;\n  min-block-size: 700px;\n}');
    expect(css).to.contain('login-help {\n  --login-help-color-accent: #0f766e;\n}');
    expect(siteCss(values(), texts)).to.contain('min-block-size: 676px;');
  });

  it('whatever it accepts, an HTML parser gives back unchanged (attributes and slot text, ASCII or not)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.boolean(),
        (path, heading, ascii) => {
          const chosen = values({ endpoint: `https://portal.example/${path}`, slots: { heading }, ascii });
          fc.pre(Object.keys(checkValues(chosen, texts, isColour)).length === 0);
          const html = snippetHtml(chosen, INTEGRITY);
          if (ascii) expect(/^[\x20-\x7e\n]*$/.test(html), html).to.equal(true);
          const { document, element } = parse(html);
          expect(element.getAttribute('endpoint')).to.equal(chosen.endpoint.trim());
          expect(document.querySelectorAll('script, login-help, span').length).to.equal(slotText(heading) ? 3 : 2);
          expect(element.querySelector('span[slot="heading"]')?.textContent ?? '').to.equal(slotText(heading));
        },
      ),
      { numRuns: 300 },
    );
  });
});
