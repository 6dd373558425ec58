// Going live: the same checks as `npm run qbitflow -- doctor`, for merchants who deployed with the
// button and never opened a terminal, and the one action the checks may ask for.
import type { Metadata } from "next";
import { Card } from "@/components/admin/shared/card";
import { RegisterEndpointForm } from "@/components/admin/setup/register-endpoint-form";
import { SetupChecks } from "@/components/admin/setup/setup-checks";
import { requireAdmin } from "@/lib/admin/session/session";
import { runSetupChecks } from "@/lib/admin/setup/app-setup";

export const metadata: Metadata = { title: "Setup" };

export default async function AdminSetupPage() {
  await requireAdmin();
  const checks = await runSetupChecks();
  const needsEndpoint = checks.some((check) => check.id === "endpoint" && check.status === "fail");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-display text-2xl font-semibold tracking-tight">Setup</h1>
        <p className="mt-1 text-sm text-muted">
          Everything that would stop payments, checked now with QBitFlow and the database. The same checks run
          in a terminal with <code className="font-mono">npm run qbitflow -- doctor</code>.
        </p>
      </div>
      {needsEndpoint ? (
        <Card title="Webhook endpoint">
          <RegisterEndpointForm />
        </Card>
      ) : null}
      <Card title="Checks" flush>
        <SetupChecks checks={checks} />
      </Card>
    </div>
  );
}
