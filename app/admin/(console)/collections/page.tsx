// Collections: named, ordered groups of products, each with its own page on the store.
import type { Metadata } from "next";
import Link from "next/link";
import { AdminTable } from "@/components/admin/shared/admin-table";
import { Card } from "@/components/admin/shared/card";
import { CollectionForm } from "@/components/admin/catalogue/collection-forms";
import { requireAdmin } from "@/lib/admin/session/session";
import { listCollections } from "@/lib/admin/catalogue/queries";

export const metadata: Metadata = { title: "Collections" };

export default async function AdminCollectionsPage() {
  await requireAdmin();
  const collections = await listCollections();
  return (
    <div className="space-y-6">
      <h1 className="font-display text-3xl font-semibold tracking-tight">Collections</h1>
      <Card flush>
        <AdminTable
          columns={[
            { label: "Collection" },
            { label: "Slug" },
            { label: "Sort order", align: "right" },
            { label: "Products", align: "right" },
          ]}
          empty="No collections yet."
          rowCount={collections.length}
        >
          {collections.map((collection) => (
            <tr key={collection.id}>
              <td className="px-5 py-3">
                <Link
                  href={`/admin/collections/${collection.id}`}
                  className="font-semibold text-brand hover:underline"
                >
                  {collection.title}
                </Link>
              </td>
              <td className="px-3 py-3 text-muted">/{collection.slug}</td>
              <td className="px-3 py-3 text-right">{collection.sortOrder}</td>
              <td className="px-5 py-3 text-right">{collection._count.products}</td>
            </tr>
          ))}
        </AdminTable>
      </Card>
      <Card title="New collection">
        <CollectionForm values={{ title: "", slug: "", description: "", sortOrder: "0" }} />
      </Card>
    </div>
  );
}
