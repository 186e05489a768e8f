import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { buildMailto, wellFormed } from '../../src/mailto.js';
import { MAX_EMAIL_LENGTH, plainSupportAddress } from '../../src/support-email.js';
import { anyString, FC_SETTINGS } from './fc-settings.js';

/** Lone surrogates → U+FFFD, computed unit by unit (not with src's regex). */
function replaceLoneSurrogates(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += text[i] + text[i + 1];
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += '\uFFFD';
    } else {
      out += text[i];
    }
  }
  return out;
}

/** CR LF, lone CR and lone LF each become one CR LF (RFC 6068), computed by hand. */
function crlf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') {
      out += '\r\n';
      i++;
    } else if (text[i] === '\r' || text[i] === '\n') {
      out += '\r\n';
    } else {
      out += text[i];
    }
  }
  return out;
}

// Text a person might type or paste, heavy on what could break a mailto: line breaks, the
// query's own delimiters, percent signs, header-looking text and lone surrogates.
const hostilePiece = fc.constantFrom('\r', '\n', '\r\n', '\n\r', '&', '=', '?', '#', '%', '%0D%0A', '+', ' ', '<', '>', '"', 'Bcc: evil@x.example', '\uD800', '\uDC00', '\uDBFF\uDFFF', '🐾', '\u2028', '\u0000');
const text = fc.oneof(anyString(), fc.array(fc.oneof(hostilePiece, anyString({ maxLength: 3 })), { maxLength: 20 }).map((p) => p.join('')));

// Plain addresses: built from the allowed alphabet, and fast-check's RFC addresses that pass.
const label = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,10}[A-Za-z0-9])?$/);
const builtAddress = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9._+-]{1,20}$/), fc.array(label, { minLength: 2, maxLength: 4 }))
  .map(([local, labels]) => `${local}@${labels.join('.')}`);
const plainAddress = fc
  .oneof(builtAddress, fc.emailAddress())
  .map((candidate) => plainSupportAddress(candidate))
  .filter((address): address is string => address !== undefined);

describe('mailto builder (properties)', () => {
  it('wellFormed leaves no lone surrogate and changes nothing else', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = wellFormed(s);
        expect(out).to.equal(replaceLoneSurrogates(s));
        expect(() => encodeURIComponent(out)).not.to.throw();
      }),
      FC_SETTINGS,
    );
  });

  it('buildMailto never throws, whatever the subject and body', () => {
    fc.assert(
      fc.property(fc.oneof(plainAddress, anyString()), text, text, (address, subject, body) => {
        expect(() => buildMailto(address, subject, body)).not.to.throw();
      }),
      FC_SETTINGS,
    );
  });

  it('parses back to the address, exactly subject and body, and the text that was given', () => {
    fc.assert(
      fc.property(plainAddress, text, text, (address, subject, body) => {
        const href = buildMailto(address, subject, body);
        const url = new URL(href);
        expect(url.protocol).to.equal('mailto:');
        expect(url.pathname).to.equal(address);
        expect(url.hash).to.equal('');
        expect([...url.searchParams.keys()]).to.deep.equal(['subject', 'body']);
        expect(url.searchParams.get('subject')).to.equal(replaceLoneSurrogates(subject));
        expect(url.searchParams.get('body')).to.equal(crlf(replaceLoneSurrogates(body)));
        // …and the convenience helper agrees with the hand-made expectation.
        expect(url.searchParams.get('subject')).to.equal(wellFormed(subject));
      }),
      FC_SETTINGS,
    );
  });

  it('the href holds no raw CR, LF, space, <, >, ", # or non-ASCII character', () => {
    fc.assert(
      fc.property(plainAddress, text, text, (address, subject, body) => {
        const href = buildMailto(address, subject, body);
        expect(href).to.match(/^mailto:[^?]+\?subject=[^&]*&body=[^&]*$/);
        for (const ch of ['\r', '\n', ' ', '<', '>', '"', '#']) expect(href.includes(ch), JSON.stringify(ch)).to.equal(false);
        expect(/^[\x21-\x7e]*$/.test(href)).to.equal(true);
      }),
      FC_SETTINGS,
    );
  });
});

describe('plainSupportAddress (properties)', () => {
  // Addresses with one character of trouble put somewhere in them.
  const trouble = fc.constantFrom('?', '&', ':', '%', '/', ' ', '\t', '\n', '\r', '\u00A0', '\u2028', '\uFEFF', '@', '<', '"', '#', ',', ';');
  const bent = fc
    .tuple(builtAddress, trouble, fc.nat())
    .map(([address, ch, at]) => {
      const i = at % (address.length + 1);
      return address.slice(0, i) + ch + address.slice(i);
    });
  const candidate = fc.oneof(fc.anything(), anyString(), fc.emailAddress(), builtAddress, bent, builtAddress.map((a) => `${'x'.repeat(250)}${a}`));

  it('never throws; returns undefined or its input unchanged', () => {
    fc.assert(
      fc.property(candidate, (value) => {
        let result: string | undefined;
        expect(() => (result = plainSupportAddress(value))).not.to.throw();
        if (result !== undefined) expect(result).to.equal(value);
      }),
      FC_SETTINGS,
    );
  });

  it('whatever it returns has one @, none of ? & : % / or whitespace, and at most 254 units', () => {
    fc.assert(
      fc.property(candidate, (value) => {
        const result = plainSupportAddress(value);
        if (result === undefined) return;
        expect(typeof result).to.equal('string');
        expect(result.split('@').length - 1).to.equal(1);
        expect(/[?&:%/\s]/u.test(result), result).to.equal(false);
        expect(result.length).to.be.at.most(MAX_EMAIL_LENGTH);
      }),
      FC_SETTINGS,
    );
  });

  it('keeps the plain name@domain addresses it is meant for', () => {
    fc.assert(
      fc.property(builtAddress, (address) => {
        expect(plainSupportAddress(address)).to.equal(address.includes('%') ? undefined : address);
      }),
      FC_SETTINGS,
    );
  });
});
