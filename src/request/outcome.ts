// The vocabulary of a panel request: which form, what it sent, and the one outcome it ends in.
/** Which of the two forms a request, event or outcome belongs to. */
export type FormKind = 'username' | 'password';

/** The request body of the Forgot User Name? form. */
export interface UsernameRequestData {
  email: string;
}

/** The request body of the Password Help? form. */
export interface PasswordRequestData {
  userName: string;
  requestedBy: string;
}

export type RequestData = UsernameRequestData | PasswordRequestData;

/** Why a submit did not end in "sent" or "not found" (SPEC §5). */
export type ErrorReason = 'invalid' | 'rate-limited' | 'server' | 'network' | 'timeout' | 'config';

/** What the support desk needs to find a submission: see the "email us" body. */
export interface SubmissionReference {
  /** The backend's `X-Request-Id` when readable, else the id the widget made for the submission. */
  reference: string;
  /** When the submission was made (ISO 8601, UTC). */
  time: string;
}

/** What one backend answer means, as SPEC §4 defines it. */
export type Outcome =
  | { kind: 'sent'; accepted: boolean; status?: number; supportEmail?: string }
  | { kind: 'not-found'; status?: number; supportEmail?: string }
  | {
      kind: 'error';
      reason: ErrorReason;
      status?: number;
      /** Per-field messages from a 400/422 `invalid` answer: plain text, never markup. */
      fieldErrors?: Record<string, string>;
      /** Whole seconds to wait, from a 429's `Retry-After`. */
      retryAfterSeconds?: number;
      supportEmail?: string;
    };
