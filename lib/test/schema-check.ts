// Checks a statement's tables and columns against the Prisma schema (through the generated
// client), so a column renamed or dropped in schema.prisma fails a unit test, not a payment.
import { Prisma } from "@/lib/generated/prisma/client";
import * as enums from "@/lib/generated/prisma/enums";

type Fields = Record<string, Set<string>>;

function schemaFields(): Fields {
  const byModel = Prisma as unknown as Record<string, Record<string, string> | undefined>;
  return Object.fromEntries(
    Object.values(Prisma.ModelName).map((model) => [
      model,
      new Set(Object.values(byModel[`${model}ScalarFieldEnum`] ?? {})),
    ]),
  );
}

export const SCHEMA_FIELDS: Fields = schemaFields();
const ENUM_TYPES = new Set(Object.keys(enums));

const all = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!);

/** Quoted identifiers of `sql` that are no table, column, enum type or name it declares itself. */
export function unknownIdentifiers(sql: string, fields: Fields = SCHEMA_FIELDS): string[] {
  const declared = new Set([...all(sql, /"(\w+)" AS \(/g), ...all(sql, /\bAS "(\w+)"/g)]);
  const quoted = all(sql, /"(\w+)"/g);
  const tables = quoted.filter((name) => name in fields);
  const columns = new Set(tables.flatMap((table) => [...fields[table]!]));
  const problems = quoted.filter(
    (name) => !declared.has(name) && !(name in fields) && !ENUM_TYPES.has(name) && !columns.has(name),
  );
  // Columns listed for an INSERT, or set by an UPDATE, must be the written table's own.
  for (const [, table, list] of sql.matchAll(/INSERT INTO "(\w+)" \(([^)]*)\)/g)) {
    problems.push(...all(list!, /"(\w+)"/g).filter((column) => !fields[table!]?.has(column)));
  }
  for (const [, table, set] of sql.matchAll(/UPDATE "(\w+)"(?: AS \w+)? SET (.*?) (?:WHERE|FROM)\b/gs)) {
    const assigned = all(set!, /(?:^|,\s*)"(\w+)" =/g);
    problems.push(...assigned.filter((column) => !fields[table!]?.has(column)));
  }
  return [...new Set(problems)];
}
