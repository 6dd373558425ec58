// An uploaded image's bytes, for the route that serves them (app/images/[hash]).
import "server-only";
import { db } from "@/lib/db";

export async function readImageBlob(hash: string) {
  return db.imageBlob.findUnique({ where: { hash }, select: { bytes: true, contentType: true } });
}
