// One collection: its fields, its products in order, and its deletion.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/admin/shared/card";
import {
  AddProductForm,
  CollectionForm,
  DeleteCollectionForm,
  MemberRow,
} from "@/components/admin/catalogue/collection-forms";
import { requireAdmin } from "@/lib/admin/session/session";
import { getCollectionForEdit, productChoices } from "@/lib/admin/catalogue/queries";

export const metadata: Metadata = { title: "Collection" };

export default async function AdminCollectionPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [collection, choices] = await Promise.all([getCollectionForEdit(id), productChoices()]);
  if (!collection) notFound();
  const members = collection.products.map((row) => row.product);
  const inside = new Set(members.map((product) => product.id));
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/collections" className="text-brand hover:underline">
          ← Collections
        </Link>
      </p>
      <h1 className="font-display text-3xl font-semibold tracking-tight">{collection.title}</h1>
      <Card title="Details">
        <CollectionForm
          values={{
            id: collection.id,
            title: collection.title,
            slug: collection.slug,
            description: collection.description,
            sortOrder: String(collection.sortOrder),
          }}
        />
      </Card>
      <Card title="Products">
        {members.length ? (
          <ol className="mb-4 divide-y divide-line" aria-label="Products in this collection, in order">
            {members.map((product, index) => (
              <MemberRow
                key={product.id}
                collectionId={collection.id}
                product={product}
                first={index === 0}
                last={index === members.length - 1}
              />
            ))}
          </ol>
        ) : (
          <p className="mb-4 text-sm text-muted">No products in this collection yet.</p>
        )}
        <AddProductForm
          collectionId={collection.id}
          choices={choices.filter((choice) => !inside.has(choice.id))}
        />
      </Card>
      <Card title="Delete">
        <DeleteCollectionForm collectionId={collection.id} />
      </Card>
    </div>
  );
}
