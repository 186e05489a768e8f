import { expect } from '@open-wc/testing';
import { buildMailto, wellFormed } from '../src/mailto.js';
import { plainSupportAddress } from '../src/support-email.js';

function parse(href: string) {
  const url = new URL(href);
  return { address: url.pathname, keys: [...url.searchParams.keys()], subject: url.searchParams.get('subject'), body: url.searchParams.get('body') };
}

describe('mailto builder (pure)', () => {
  it('encodes subject and body so the parsed query holds exactly subject and body', () => {
    const hostile = 'x&cc=evil@x.example\r\nBcc: evil@x.example %0D%0ABcc:evil@x.example ?body=no #frag';
    const parsed = parse(buildMailto('help@clinic.example', `Help ${hostile}`, `Body ${hostile}`));
    expect(parsed.address).to.equal('help@clinic.example');
    expect(parsed.keys).to.deep.equal(['subject', 'body']);
    expect(parsed.subject).to.equal(`Help ${hostile}`);
    expect(parsed.body).to.equal(`Body ${hostile}`);
  });

  it('turns line breaks in the body into CRLF', () => {
    expect(buildMailto('a@b.example', 's', 'one\ntwo')).to.contain('body=one%0D%0Atwo');
  });

  it('never throws on a lone surrogate', () => {
    expect(wellFormed('a\uD800b')).to.equal('a\uFFFDb');
    expect(wellFormed('🐾')).to.equal('🐾');
    expect(() => buildMailto('a@b.example', '\uDC00', 'x\uD800')).not.to.throw();
    expect(parse(buildMailto('a@b.example', 's', 'x\uD800')).body).to.equal('x\uFFFD');
  });

  it('accepts only plain support addresses', () => {
    expect(plainSupportAddress('help@clinic.example')).to.equal('help@clinic.example');
    expect(plainSupportAddress('first.last+desk@sub.clinic.example')).to.equal('first.last+desk@sub.clinic.example');
    for (const bad of [
      '',
      'help',
      'javascript:alert(1)',
      'help@x.example?bcc=evil@x.example',
      'help@x.example&cc=evil@x.example',
      'help@x.example\nBcc: evil@x.example',
      'help @x.example',
      'help@x.example%0ABcc:evil',
      'mailto:help@x.example',
      'help@localhost',
      42,
      undefined,
    ]) {
      expect(plainSupportAddress(bad), String(bad)).to.equal(undefined);
    }
  });
});
