import type { NextConfig } from "next";
import { getEnvOrExit } from "./lib/env";

// Validate the configuration before anything starts: one line per bad variable, no stack trace.
getEnvOrExit();

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
