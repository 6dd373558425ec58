import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/admin/session/session";

export default async function AdminHome() {
  await requireAdmin();
  redirect("/admin/orders");
}
