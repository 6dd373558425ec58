// The one shape every admin action returns (design.md: `{ ok, message?, fieldErrors? }`), with
// room for what an action reports back (a replay's changes, a sweep's report).
export interface AdminActionResult<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** Set when the session was missing or expired: the form offers the login page. */
  signedOut?: boolean;
  data?: T;
}

export const SIGNED_OUT: AdminActionResult<never> = {
  ok: false,
  signedOut: true,
  message: "Your admin session has ended. Log in again.",
};
