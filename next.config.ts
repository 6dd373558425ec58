import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { checkBuildEnvOrExit, getEnvOrExit } from "./lib/env";

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
  };
}
