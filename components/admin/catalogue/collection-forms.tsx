"use client";
// A collection's fields, its products (add, move, remove) and its deletion.
import { ActionMessage } from "@/components/admin/shared/action-message";
import {
  createCollectionAction,
  deleteCollectionAction,
  editMembershipAction,
  updateCollectionAction,
} from "@/lib/admin/catalogue/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, fieldError, inputClasses } from "./field";
import { MoveButtons } from "./move-buttons";
import { useKeptForm } from "./use-kept-form";

export interface CollectionValues {
  id?: string;
  title: string;
  slug: string;
  description: string;
  sortOrder: string;
}

export function CollectionForm({ values }: { values: CollectionValues }) {
  const { state, pending, formProps } = useKeptForm(
    values.id ? updateCollectionAction : createCollectionAction,
  );
  const error = (name: string) => fieldError(state, name);
  return (
    <form {...formProps} className="space-y-2" noValidate>
      {values.id ? <input type="hidden" name="collectionId" value={values.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="collection-title" label="Title" error={error("title")}>
          {(props) => <input {...props} name="title" defaultValue={values.title} className={inputClasses} />}
        </Field>
        <Field id="collection-slug" label="Slug" hint="(empty: from the title)" error={error("slug")}>
          {(props) => <input {...props} name="slug" defaultValue={values.slug} className={inputClasses} />}
        </Field>
      </div>
      <Field id="collection-description" label="Description" hint="(Markdown)" error={error("description")}>
        {(props) => (
          <textarea
            {...props}
            name="description"
            rows={3}
            defaultValue={values.description}
            className={inputClasses}
          />
        )}
      </Field>
      <Field id="collection-sort" label="Sort order" hint="(lower comes first)" error={error("sortOrder")}>
        {(props) => (
          <input
            {...props}
            name="sortOrder"
            inputMode="numeric"
            defaultValue={values.sortOrder}
            className={`${inputClasses} sm:w-32`}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {values.id ? "Save collection" : "Create collection"}
        </SubmitButton>
        <ActionMessage id="collection-message" state={state} />
      </div>
    </form>
  );
}

export function AddProductForm({
  collectionId,
  choices,
}: {
  collectionId: string;
  choices: { id: string; name: string }[];
}) {
  const { state, pending, formProps } = useKeptForm(editMembershipAction);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="collectionId" value={collectionId} />
      <Field id="collection-add-product" label="Add a product" error={fieldError(state, "productId")}>
        {(props) => (
          <select {...props} name="productId" className={inputClasses} defaultValue="">
            <option value="">Choose…</option>
            {choices.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="pb-5">
        <SubmitButton pending={pending} variant="secondary" name="intent" value="add">
          Add
        </SubmitButton>
      </div>
      <ActionMessage id="collection-add-message" state={state} />
    </form>
  );
}

interface MemberRowProps {
  collectionId: string;
  product: { id: string; name: string; status: string };
  first: boolean;
  last: boolean;
}

export function MemberRow({ collectionId, product, first, last }: MemberRowProps) {
  const { state, pending, formProps } = useKeptForm(editMembershipAction);
  return (
    <li>
      <form {...formProps} className="flex flex-wrap items-center gap-2 py-2">
        <input type="hidden" name="collectionId" value={collectionId} />
        <input type="hidden" name="productId" value={product.id} />
        <span className="min-w-0 flex-1 text-sm font-medium">
          {product.name}{" "}
          {product.status !== "ACTIVE" ? (
            <span className="text-xs text-muted">({product.status.toLowerCase()})</span>
          ) : null}
        </span>
        <MoveButtons pending={pending} first={first} last={last} what={product.name} />
        <SubmitButton
          pending={pending}
          variant="secondary"
          className="px-3 py-1.5 text-red-700"
          name="intent"
          value="remove"
          aria-label={`Remove ${product.name}`}
        >
          Remove
        </SubmitButton>
        <ActionMessage id={`member-${product.id}-message`} state={state} />
      </form>
    </li>
  );
}

export function DeleteCollectionForm({ collectionId }: { collectionId: string }) {
  const { state, pending, formProps } = useKeptForm(deleteCollectionAction);
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        if (!window.confirm("Delete this collection? Its products stay.")) event.preventDefault();
        else formProps.onSubmit(event);
      }}
      className="space-y-2"
    >
      <input type="hidden" name="collectionId" value={collectionId} />
      <p className="text-sm text-muted">
        Deleting a collection keeps its products (and their other collections).
      </p>
      <SubmitButton pending={pending} variant="secondary" className="text-red-700">
        Delete collection
      </SubmitButton>
      <ActionMessage id="collection-delete-message" state={state} />
    </form>
  );
}
