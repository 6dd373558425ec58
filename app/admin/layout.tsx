// Everything under /admin: never indexed, never cached, rendered per request (connection(): the
// login page too), so every page gets proxy.ts's fresh CSP nonce on its scripts.
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: { default: "Admin", template: "%s · Admin" },
  robots: { index: false, follow: false, nocache: true },
};

export default async function AdminRootLayout({ children }: { children: ReactNode }) {
  await connection();
  return children;
}
