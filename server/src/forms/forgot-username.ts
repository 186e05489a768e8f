// Forgot User Name? (SPEC §9): every active practice whose email on file is the one entered, in
// one email to that address listing each practice's user names.
import type { Caller, Context } from '../context.js';
import { type Answer } from '../http/answer.js';
import { renderEmail } from '../mail/templates/index.js';
import { handleForm } from './handle-form.js';

/** Answers `{endpoint}/forgot-username` for a well-formed, trimmed email. */
export function forgotUsername(context: Context, caller: Caller, email: string): Promise<Answer> {
  return handleForm(context, caller, {
    form: 'username',
    target: email,
    audit: { value: email },
    body: { email },
    async find(db) {
      const found = await context.directory.findLoginsByEmail(db, email);
      if (!found) return undefined;
      const message = renderEmail('forgot-username', { email: found.email, logins: found.logins }, caller.acceptLanguage);
      return { email: { kind: 'forgot-username', recipient: found.email, ...message, requestId: caller.requestId } };
    },
  });
}
