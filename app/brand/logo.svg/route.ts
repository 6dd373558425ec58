// The built-in logo mark (lib/brand/logo-mark.ts) as a file: the header's logo and the favicon.
// Drawn at build time from lib/store-config.ts and served as a static file.
import { logoMarkSvg } from "@/lib/brand/logo-mark";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(logoMarkSvg(), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      // Not immutable: the file keeps its name when the brand colour changes.
      "Cache-Control": "public, max-age=3600, stale-while-revalidate=86400",
    },
  });
}
