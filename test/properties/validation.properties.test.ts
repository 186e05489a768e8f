import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkEmail, checkText, MAX_TEXT_LENGTH } from '../../src/validation.js';
import { anyString, FC_SETTINGS } from './fc-settings.js';

// The HTML Standard's "valid e-mail address" (https://html.spec.whatwg.org/#valid-e-mail-address),
// copied from the standard, not from src/.
const WHATWG_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** Code points, counted by hand: a surrogate pair is one, a lone surrogate is one. */
function codePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    count++;
  }
  return count;
}

/** C0 and C1 controls and DEL, tab excepted. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0x09) continue;
    if (unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f)) return true;
  }
  return false;
}

// Pieces that sit on the interesting edges: astral characters (2 units, 1 code point), lone
// surrogates, combining marks, tab (allowed) and the controls around it.
const piece = fc.oneof(
  fc.constantFrom('a', 'é', 'e\u0301', '🐾', '👩‍⚕️', '\uD800', '\uDC00', '\t', '\n', '\r', '\u0000', '\u007F', '\u0085', '\u009F', '\u00A0', ' '),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
/** Strings whose code-point count lands near 200 (the limit), built piece by piece. */
const nearLimit = fc.array(piece, { minLength: MAX_TEXT_LENGTH - 8, maxLength: MAX_TEXT_LENGTH + 8 }).map((parts) => parts.join(''));
/** The same without controls, so the length rule is the only one that can refuse. */
const nearLimitClean = fc
  .array(fc.constantFrom('a', 'é', 'e\u0301', '🐾', '👩‍⚕️', '\uD800', '\uDC00', '\t', '\u00A0', ' '), {
    minLength: MAX_TEXT_LENGTH - 8,
    maxLength: MAX_TEXT_LENGTH + 8,
  })
  .map((parts) => parts.join(''));
const textInput = fc.oneof(anyString(), anyString({ minLength: 190, maxLength: 230 }), nearLimit, nearLimitClean, fc.array(piece, { maxLength: 12 }).map((p) => p.join('')));

// Email-shaped input: mostly valid addresses, plus ones bent at the places the rules care about.
const emailLocalChar = fc.constantFrom(...'abcXYZ019.!#$%&\'*+/=?^_`{|}~-', '@', ' ', 'é', 'K', 'ſ', '\uD800', '\n');
const emailDomainChar = fc.constantFrom(...'abcXYZ019-.', '_', '@', ' ', 'é', '\u212A', '\uDC00');
const bentEmail = fc
  .tuple(fc.string({ unit: emailLocalChar, minLength: 0, maxLength: 10 }), fc.string({ unit: emailDomainChar, minLength: 0, maxLength: 20 }))
  .map(([local, domain]) => `${local}@${domain}`);
const longLabel = fc.integer({ min: 60, max: 66 }).map((n) => `${'a'.repeat(n)}.example`);
const emailInput = fc.oneof(
  fc.emailAddress(),
  fc.emailAddress().map((e) => e.toUpperCase()),
  bentEmail,
  longLabel.map((domain) => `desk@${domain}`),
  fc.integer({ min: 240, max: 270 }).map((n) => `${'d'.repeat(n - '@vet.example'.length)}@vet.example`),
  anyString(),
);

describe('validation (properties)', () => {
  it('checkText and checkEmail never throw, and answer only with known problems', () => {
    const problems = [undefined, 'required', 'email-format', 'too-long', 'control-characters'];
    fc.assert(
      fc.property(fc.oneof(textInput, emailInput), (s) => {
        expect(problems).to.include(checkText(s));
        expect(problems).to.include(checkEmail(s));
        expect(checkEmail(s)).not.to.equal('control-characters');
      }),
      FC_SETTINGS,
    );
  });

  it("checkText: '' is required; else more than 200 code points is too-long (before any control-character check); else a C0/C1 control (tab excepted) is control-characters; else fine", () => {
    fc.assert(
      fc.property(textInput, (s) => {
        const expected =
          s === '' ? 'required' : codePoints(s) > MAX_TEXT_LENGTH ? 'too-long' : hasControl(s) ? 'control-characters' : undefined;
        expect(checkText(s), JSON.stringify(s)).to.equal(expected);
      }),
      FC_SETTINGS,
    );
  });

  it("checkText: too-long iff non-empty and more than 200 code points; never required when non-empty", () => {
    fc.assert(
      fc.property(textInput, (s) => {
        expect(checkText(s) === 'too-long').to.equal(s !== '' && codePoints(s) > MAX_TEXT_LENGTH);
        if (s !== '') expect(checkText(s)).not.to.equal('required');
      }),
      FC_SETTINGS,
    );
  });

  it('checkText honours a custom maximum the same way', () => {
    fc.assert(
      fc.property(textInput, fc.integer({ min: 0, max: 250 }), (s, max) => {
        expect(checkText(s, max) === 'too-long').to.equal(s !== '' && codePoints(s) > max);
      }),
      FC_SETTINGS,
    );
  });

  it('checkEmail: never required when non-empty; refuses anything longer than 254 UTF-16 units as too-long', () => {
    fc.assert(
      fc.property(emailInput, (s) => {
        if (s !== '') expect(checkEmail(s)).not.to.equal('required');
        if (s.length > 254) expect(checkEmail(s), s).to.equal('too-long');
      }),
      FC_SETTINGS,
    );
  });

  it('checkEmail accepts exactly the non-empty HTML-standard addresses of at most 254 units; each has one @', () => {
    fc.assert(
      fc.property(emailInput, (s) => {
        const accepted = checkEmail(s) === undefined;
        expect(accepted, JSON.stringify(s)).to.equal(s.length <= 254 && WHATWG_EMAIL.test(s));
        if (accepted) expect(s.split('@').length - 1).to.equal(1);
      }),
      FC_SETTINGS,
    );
  });

  it('whatever checkEmail accepts, the browser’s own <input type=email> accepts too', () => {
    const input = document.createElement('input');
    input.type = 'email';
    fc.assert(
      fc.property(emailInput, (s) => {
        if (checkEmail(s) !== undefined) return;
        input.value = s;
        expect(input.value, 'value sanitised away').to.equal(s);
        expect(input.validity.typeMismatch, s).to.equal(false);
      }),
      FC_SETTINGS,
    );
  });
});
