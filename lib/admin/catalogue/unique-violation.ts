// A unique index refused a write: two merchants (or two tabs) took the same slug or SKU between
// our check and the insert. The check gives the message; this catches the race.
import { Prisma } from "@/lib/generated/prisma/client";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
