// Runs once when a server instance starts (the custom server, `next start`, each Vercel function
// instance). First the run-time configuration: a deployment with a missing variable fails its
// requests with one log line per variable rather than half-working. Then ask QBitFlow whether the
// key is a test key, so the first page already knows whether to show the "Test mode" badge.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- set by Next.js itself, not configuration
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { EnvError, getEnv } = await import("./lib/env");
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    for (const line of error.problems) console.error(line);
    throw new Error("The server's configuration is incomplete: see the lines above (docs/deploy.md).");
  }
  const { getAccountMode } = await import("./lib/qbitflow/account-mode");
  const mode = await getAccountMode();
  if (mode === "test") console.log("[qbitflow] test key: payments use testnets, no real money moves");
}
