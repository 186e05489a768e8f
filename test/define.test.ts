import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineLoginHelp } from '../src/define.js';
import { LoginHelp, LoginHelpPassword, LoginHelpUsername } from '../src/index.js';

describe('registration', () => {
  it('defines the three tags with their classes', () => {
    expect(customElements.get('login-help')).to.equal(LoginHelp);
    expect(customElements.get('login-help-username')).to.equal(LoginHelpUsername);
    expect(customElements.get('login-help-password')).to.equal(LoginHelpPassword);
  });

  it('is idempotent: defining again throws nothing', () => {
    expect(() => defineLoginHelp()).not.to.throw();
    expect(() => defineLoginHelp()).not.to.throw();
  });

  it('loads next to the script-tag bundle (another copy, with its own Lit) without throwing', async () => {
    // `npm test` builds dist/ before the browser tests run.
    const bundleUrl = '/dist/login-help.js';
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onError);
    try {
      const bundle = (await import(/* @vite-ignore */ bundleUrl)) as { defineLoginHelp: () => void; LoginHelp: typeof LitElement };
      expect(bundle.LoginHelp).not.to.equal(LoginHelp);
      expect(() => bundle.defineLoginHelp()).not.to.throw();
      // Loading the same bundle twice is one module: nothing new, nothing thrown.
      await import(/* @vite-ignore */ `${bundleUrl}`);
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(customElements.get('login-help') === LoginHelp, 'the first definition stays').to.be.true;
  });
});
