import type { NextConfig } from "next";
import { EnvError, getEnv } from "./lib/env";

// Validate the configuration before anything starts: one line per bad variable, no stack trace.
try {
  getEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
