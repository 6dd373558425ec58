// Customer-facing words for QBitFlow's failed-attempt codes (spec §3.1); unknown codes fall back
// to QBitFlow's own message.
const MESSAGES: Record<string, string> = {
  insufficient_funds: "Your wallet did not have enough funds for the payment and its network fee.",
  token_not_approved: "The token spend was not approved in your wallet.",
  reverted: "The transaction was reverted on chain.",
};

export function describeAttempt(attempt: { code: string | null; message: string | null }): string {
  return (
    (attempt.code && MESSAGES[attempt.code]) || attempt.message || "The payment attempt did not go through."
  );
}
