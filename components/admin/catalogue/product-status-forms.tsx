"use client";
// Archive / unarchive (an archived product leaves the store and stays on its orders) and delete
// (refused, with the reason, while an order line references the product).
import { ActionMessage } from "@/components/admin/shared/action-message";
import { deleteProductAction, setProductStatusAction } from "@/lib/admin/catalogue/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { useKeptForm } from "./use-kept-form";

export function ArchiveForm({ productId, archived }: { productId: string; archived: boolean }) {
  const { state, pending, formProps } = useKeptForm(setProductStatusAction);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="status" value={archived ? "ACTIVE" : "ARCHIVED"} />
      <p className="text-sm text-muted">
        {archived
          ? "Archived: not on the store. Past orders still show it."
          : "Archiving takes it off the store; past orders keep showing it."}
      </p>
      <SubmitButton pending={pending} variant="secondary">
        {archived ? "Unarchive" : "Archive"}
      </SubmitButton>
      <ActionMessage id="archive-message" state={state} />
    </form>
  );
}

export function DeleteProductForm({ productId }: { productId: string }) {
  const { state, pending, formProps } = useKeptForm(deleteProductAction);
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        if (!window.confirm("Delete this product for good?")) event.preventDefault();
        else formProps.onSubmit(event);
      }}
      className="space-y-2"
    >
      <input type="hidden" name="productId" value={productId} />
      <p className="text-sm text-muted">Only a product no order has ever bought can be deleted.</p>
      <SubmitButton pending={pending} variant="secondary" className="text-red-700">
        Delete product
      </SubmitButton>
      <ActionMessage id="delete-message" state={state} />
    </form>
  );
}
