// Serves an uploaded image by the sha256 of its bytes. The address names the content, so the
// answer never changes: browsers and CDNs may keep it for a year (immutable). The type stored
// was read from the bytes at upload, and nosniff keeps the browser from guessing another.
import { IMAGE_HASH_PATTERN } from "@/lib/admin/catalogue/image-type";
import { readImageBlob } from "@/lib/admin/catalogue/image-blob";

const problem = (status: number, code: string, error: string) =>
  Response.json({ error, code }, { status, headers: { "X-Content-Type-Options": "nosniff" } });

export async function GET(request: Request, { params }: { params: Promise<{ hash: string }> }) {
  const { hash } = await params;
  if (!IMAGE_HASH_PATTERN.test(hash)) {
    return problem(400, "malformed_hash", "An image address is 64 lowercase hex digits (a sha256).");
  }
  const headers = {
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: `"${hash}"`,
    "X-Content-Type-Options": "nosniff",
  };
  if (request.headers.get("if-none-match") === headers.ETag)
    return new Response(null, { status: 304, headers });
  const blob = await readImageBlob(hash);
  if (!blob) return problem(404, "not_found", "No image has this address.");
  return new Response(new Uint8Array(blob.bytes), {
    headers: {
      ...headers,
      "Content-Type": blob.contentType,
      "Content-Length": String(blob.bytes.byteLength),
    },
  });
}
