-- Full-text search of the catalogue (/search, lib/catalog/search.ts): the product's name weighs
-- more (A) than its description (B). An expression index, not a generated column: Prisma's schema
-- cannot describe either, and an index adds no column for Prisma to read. The expression must stay
-- the same as SEARCH_DOCUMENT in lib/catalog/search.ts, or PostgreSQL will not use the index.
-- scripts/db/schema-drift.test.ts knows this index exists only in the migrations.
CREATE INDEX "Product_search_idx" ON "Product" USING GIN (
  (setweight(to_tsvector('english'::regconfig, "name"), 'A') || setweight(to_tsvector('english'::regconfig, "description"), 'B'))
);
