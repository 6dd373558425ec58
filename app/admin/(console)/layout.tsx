// The signed-in admin. The layout checks the session, and so does every page, action and route
// handler on its own: a layout is not re-run on every navigation, and route handlers skip it.
import type { ReactNode } from "react";
import { AdminHeader } from "@/components/admin/shared/admin-header";
import { Container } from "@/components/ui/container";
import { requireAdmin } from "@/lib/admin/session/session";

export default async function AdminConsoleLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return (
    <>
      <AdminHeader />
      <Container className="py-8 sm:py-10">{children}</Container>
    </>
  );
}
