import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { checkBuildEnvOrExit, getAppUrl, getEnvOrExit } from "./lib/env";
import { staticSecurityHeaders, WEBHOOK_POLICY } from "./lib/security-headers";
import { storeConfig } from "./lib/store-config";

// `next build` needs no secrets and no database: it only checks that what is set is well-formed.
// Every other phase (dev, `next start`) is a running server: the whole run-time configuration,
// one line per missing or bad variable. (The custom server and, on Vercel, instrumentation.ts
// check it too, since neither runs this file at run time.)
export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) checkBuildEnvOrExit();
  else getEnvOrExit();
  return {
    poweredByHeader: false,
    reactStrictMode: true,
    images: {
      // Product pictures: uploads served by app/images/[hash], the demo files in public/, and
      // links to the hosts the merchant allowed in lib/store-config.ts (docs/images.md).
      localPatterns: [
        { pathname: "/images/**", search: "" },
        { pathname: "/products/**", search: "" },
        { pathname: "/*.svg", search: "" },
      ],
      remotePatterns: storeConfig.images.remoteHosts.map((hostname) => ({
        protocol: "https" as const,
        hostname,
        pathname: "/**",
      })),
    },
    experimental: {
      // An upload is a server action: room for the largest image and the form around it.
      serverActions: { bodySizeLimit: storeConfig.images.maxUploadBytes + 512 * 1024 },
    },
    // The webhook route skips proxy.ts (its hot path: a proxy run per delivery cost ~20% more CPU
    // in bench:webhooks); QBitFlow's server reads JSON, so a fixed policy that allows nothing fits.
    async headers() {
      const hsts = getAppUrl().startsWith("https://");
      const fixed = { ...staticSecurityHeaders({ hsts }), "Content-Security-Policy": WEBHOOK_POLICY };
      return [
        {
          source: "/api/webhooks/:path*",
          headers: Object.entries(fixed).map(([key, value]) => ({ key, value })),
        },
      ];
    },
  };
}
