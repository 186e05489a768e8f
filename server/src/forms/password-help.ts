// Password Help? (SPEC §9): a single-use reset token for the account, and one email to its
// practice's address on file naming who asked, with the link to create a new password.
import type { Caller, Context } from '../context.js';
import { type Answer } from '../http/answer.js';
import { renderEmail } from '../mail/templates/index.js';
import { hashToken, newToken, resetLink } from '../tokens.js';
import { handleForm } from './handle-form.js';

/** Answers `{endpoint}/password-help` for a well-formed, trimmed user name and requester. */
export function passwordHelp(context: Context, caller: Caller, userName: string, requestedBy: string): Promise<Answer> {
  const { config } = context;
  return handleForm(context, caller, {
    form: 'password',
    target: userName,
    audit: { value: userName, requestedBy },
    body: { userName, requestedBy },
    async find(db, now) {
      const account = await context.directory.findAccountByUserName(db, userName);
      if (!account) return undefined;
      const token = newToken();
      const message = renderEmail(
        'reset-password',
        { practiceName: account.practiceName, userName: account.userName, requestedBy, link: resetLink(config.resetUrl, token), ttlMinutes: Math.max(1, Math.round(config.tokenTtlMinutes)) },
        caller.acceptLanguage,
      );
      return {
        token: { accountKey: account.key, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + config.tokenTtlMinutes * 60_000) },
        email: { kind: 'reset-password', recipient: account.practiceEmail, ...message, requestId: caller.requestId },
      };
    },
  });
}
