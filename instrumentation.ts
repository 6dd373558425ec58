// Runs once when the server starts: ask QBitFlow whether the key is a test key, so the first
// page already knows whether to show the "Test mode" badge.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getAccountMode } = await import("./lib/qbitflow/account-mode");
  const mode = await getAccountMode();
  if (mode === "test") console.log("[qbitflow] test key: payments use testnets, no real money moves");
}
