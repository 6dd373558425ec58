// The merchant's side of QBitFlow, for links in the admin: a refund moves no money until the
// merchant signs its transfer there. Locally the sandbox serves a stand-in dashboard at its root.
import "server-only";
import { getEnv } from "@/lib/env";

const QBITFLOW_DASHBOARD = "https://qbitflow.app";

export function dashboardUrl(env = getEnv()): string {
  if (env.QBITFLOW_DASHBOARD_URL) return env.QBITFLOW_DASHBOARD_URL;
  const api = new URL(env.QBITFLOW_API_URL);
  if (api.hostname.endsWith("qbitflow.app")) return QBITFLOW_DASHBOARD;
  return `${api.origin}${api.pathname.replace(/\/v2\/?$/, "")}` || api.origin;
}
