import { expect } from '@open-wc/testing';
import { checkEmail, checkText } from '../src/validation.js';

describe('validation rules (pure)', () => {
  it('checks a required trimmed text with a 200-character limit counted in characters', () => {
    expect(checkText('')).to.equal('required');
    expect(checkText('a')).to.equal(undefined);
    expect(checkText('a'.repeat(200))).to.equal(undefined);
    expect(checkText('a'.repeat(201))).to.equal('too-long');
    // 200 emoji are 400 UTF-16 units but 200 characters.
    expect(checkText('🐾'.repeat(200))).to.equal(undefined);
    expect(checkText('line\nbreak')).to.equal('control-characters');
    expect(checkText('nul\u0000')).to.equal('control-characters');
    expect(checkText('tab\tis fine')).to.equal(undefined);
  });

  it('checks the Clinic Email like type=email, up to 254 characters', () => {
    expect(checkEmail('')).to.equal('required');
    expect(checkEmail('frontdesk@happypaws.example')).to.equal(undefined);
    expect(checkEmail('a@b')).to.equal(undefined);
    for (const bad of ['frontdesk', 'a@', '@b.example', 'a b@c.example', 'a@b..example', 'a@-b.example', '<img>@x.example']) {
      expect(checkEmail(bad), bad).to.equal('email-format');
    }
    expect(checkEmail(`${'a'.repeat(64)}@${'b'.repeat(190)}`)).to.equal('too-long');
  });
});
