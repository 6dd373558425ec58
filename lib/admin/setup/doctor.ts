// `npm run qbitflow -- doctor` and the admin's Setup page: everything that would stop payments,
// each as a check with a verdict, what we found and what to do. Dependencies are passed in so the
// CLI (its own pg client) and the app (its pool) share the logic, and tests drive the sandbox.
import type { Me } from "@/lib/qbitflow/me";
import type { WebhookEndpoint, WebhooksApi } from "@/lib/qbitflow/webhooks-api";
import { endpointCheck, deliveriesCheck, secretCheck } from "./webhook-checks";
import { webhookUrlOf, type Check, type DatabaseState, type SetupConfig } from "./types";

export interface DoctorDeps {
  getMe: () => Promise<Me>;
  webhooks: WebhooksApi;
  database: () => Promise<DatabaseState>;
}

const failed = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runDoctor(config: SetupConfig, deps: DoctorDeps | null): Promise<Check[]> {
  const checks: Check[] = [];
  const add = (check: Check) => checks.push(check);
  const webhookUrl = webhookUrlOf(config.appUrl);

  let me: Me | null = null;
  if (!config.apiKey || !deps) {
    add({
      id: "key",
      title: "QBitFlow API key",
      status: "fail",
      detail: "QBITFLOW_API_KEY is not set.",
      fix: "Create a key in QBitFlow's dashboard (API keys) and set QBITFLOW_API_KEY.",
    });
  } else {
    try {
      me = await deps.getMe();
      const mode =
        me.test === true
          ? "a test key (testnets, no real money)"
          : me.test === false
            ? "a live key (real payments)"
            : "a key of unknown mode";
      add({
        id: "key",
        title: "QBitFlow API key",
        status: "ok",
        detail: `QBitFlow accepts the key: ${mode}, organization ${me.organizationName ?? "(unnamed)"}.`,
      });
    } catch (error) {
      add({
        id: "key",
        title: "QBitFlow API key",
        status: "fail",
        detail: `QBitFlow did not accept the key at ${config.apiUrl}: ${failed(error)}`,
        fix: "Check QBITFLOW_API_KEY (sk_…) and QBITFLOW_API_URL.",
      });
    }
  }

  const url = new URL(config.appUrl);
  const local = /^(localhost|127\.|10\.|192\.168\.|\[::1\])/.test(url.hostname);
  if (me?.test === false && (url.protocol !== "https:" || local)) {
    add({
      id: "app-url",
      title: "Public URL",
      status: "fail",
      detail: `APP_URL is ${config.appUrl}, but a live key only delivers webhooks to https on a public host.`,
      fix: "Set APP_URL to the shop's public https address.",
    });
  } else if (local) {
    add({
      id: "app-url",
      title: "Public URL",
      status: "warn",
      detail: `APP_URL is ${config.appUrl}: QBitFlow's servers cannot reach it (fine with the local sandbox).`,
      fix: "Use the public address once deployed.",
    });
  } else {
    add({ id: "app-url", title: "Public URL", status: "ok", detail: `Webhooks go to ${webhookUrl}.` });
  }

  let endpoint: WebhookEndpoint | undefined;
  if (me && deps) {
    try {
      endpoint = (await deps.webhooks.listEndpoints()).find((candidate) => candidate.url === webhookUrl);
      add(endpointCheck(endpoint, webhookUrl));
      if (endpoint) add(await deliveriesCheck(deps.webhooks, endpoint));
    } catch (error) {
      add({
        id: "endpoint",
        title: "Webhook endpoint",
        status: "fail",
        detail: `Could not list webhook endpoints: ${failed(error)}`,
      });
    }
  }

  add(await secretCheck(config.webhookSecrets ?? [], endpoint, deps?.webhooks ?? null));

  add(
    config.cronSecret
      ? {
          id: "cron-secret",
          title: "Cron secret",
          status: "ok",
          detail: `CRON_SECRET is set: the daily cron can start the reconciliation sweep (requests also start it every ${config.sweepIntervalMinutes || "—"} minutes).`,
        }
      : {
          id: "cron-secret",
          title: "Cron secret",
          status: "warn",
          detail:
            "CRON_SECRET is not set: the scheduled sweep route answers 503, so orders whose webhooks were lost are only rechecked when visitors come by.",
          fix: "Set CRON_SECRET to a random string of 16+ characters.",
        },
  );
  add(
    config.adminPassword
      ? {
          id: "admin-password",
          title: "Admin password",
          status: "ok",
          detail: "ADMIN_PASSWORD is set: /admin is enabled.",
        }
      : {
          id: "admin-password",
          title: "Admin password",
          status: "warn",
          detail: "ADMIN_PASSWORD is not set: the admin (orders, webhook log, this Setup page) is disabled.",
          fix: "Set ADMIN_PASSWORD (12+ characters).",
        },
  );

  if (deps)
    add(
      databaseCheck(
        await deps
          .database()
          .catch((error: unknown) => ({ reachable: false as const, error: failed(error) })),
      ),
    );
  return checks;
}

function databaseCheck(state: DatabaseState): Check {
  const title = "Database";
  if (!state.reachable)
    return {
      id: "database",
      title,
      status: "fail",
      detail: `The database cannot be reached: ${state.error}`,
      fix: "Check DATABASE_URL.",
    };
  if (state.unfinished.length)
    return {
      id: "database",
      title,
      status: "fail",
      detail: `Migration ${state.unfinished.join(", ")} started but did not finish.`,
      fix: "Read its error in _prisma_migrations, fix the database, run npm run db:migrate.",
    };
  const missing = state.expected?.filter((name) => !state.applied.includes(name)) ?? [];
  if (missing.length)
    return {
      id: "database",
      title,
      status: "fail",
      detail: `Reachable, but ${missing.length} migration(s) are not applied: ${missing.join(", ")}.`,
      fix: "Run npm run db:migrate (Vercel: it runs in every build).",
    };
  if (!state.applied.length)
    return {
      id: "database",
      title,
      status: "fail",
      detail: "Reachable, but not migrated.",
      fix: "Run npm run db:migrate.",
    };
  return {
    id: "database",
    title,
    status: "ok",
    detail: `Reachable and migrated (${state.applied.length} migrations, latest ${state.applied.at(-1)}).`,
  };
}
