// The admin's front door. Without ADMIN_PASSWORD it says how to open it.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/admin/session/login-form";
import { Container } from "@/components/ui/container";
import { adminEnabled, isAdminSession, readSessionToken } from "@/lib/admin/session/session";
import { storeConfig } from "@/lib/store-config";

export const metadata: Metadata = { title: "Log in" };

export default async function AdminLoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const enabled = adminEnabled();
  if (enabled && isAdminSession(await readSessionToken())) redirect("/admin/orders");
  const { next } = await searchParams;
  return (
    <Container className="flex justify-center py-12 sm:py-20">
      <div className="w-full max-w-sm rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8">
        <p className="text-xs font-semibold tracking-wider text-muted uppercase">{storeConfig.name}</p>
        <h1 className="mt-1 font-display text-2xl font-semibold tracking-tight">Store admin</h1>
        {enabled ? (
          <>
            <p className="mt-2 text-sm text-muted">Orders, webhook deliveries and reconciliation.</p>
            <LoginForm next={typeof next === "string" ? next : undefined} />
          </>
        ) : (
          <div className="mt-4 space-y-3 text-sm">
            <p className="font-semibold">The admin is disabled.</p>
            <p className="text-muted">
              Set <code className="font-mono text-ink">ADMIN_PASSWORD</code> (at least 12 characters) in{" "}
              <code className="font-mono text-ink">.env.local</code> or your host&apos;s environment, then
              restart the server.
            </p>
          </div>
        )}
      </div>
    </Container>
  );
}
