"use client";
// Creates or edits a product's own fields. Works without JavaScript: a plain post to the server
// action, which answers the fields' messages or, for a new product, goes to its page.
import { ActionMessage } from "@/components/admin/shared/action-message";
import { createProductAction, updateProductAction } from "@/lib/admin/catalogue/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, fieldError, inputClasses } from "./field";
import { useKeptForm } from "./use-kept-form";

export interface ProductFormValues {
  id?: string;
  name: string;
  slug: string;
  description: string;
  price: string;
  compareAt: string;
  digital: boolean;
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  seoTitle: string;
  seoDescription: string;
  collectionIds: string[];
}

interface ProductFormProps {
  values: ProductFormValues;
  collections: { id: string; title: string }[];
}

export function ProductForm({ values, collections }: ProductFormProps) {
  const { state, pending, formProps } = useKeptForm(values.id ? updateProductAction : createProductAction);
  const error = (name: string) => fieldError(state, name);
  return (
    <form {...formProps} className="space-y-2" noValidate>
      {values.id ? <input type="hidden" name="productId" value={values.id} /> : null}
      <Field id="product-name" label="Name" error={error("name")}>
        {(props) => <input {...props} name="name" defaultValue={values.name} className={inputClasses} />}
      </Field>
      <Field
        id="product-slug"
        label="Slug"
        hint={
          values.id
            ? "(the address; the old one keeps redirecting)"
            : "(leave empty to derive it from the name)"
        }
        error={error("slug")}
      >
        {(props) => <input {...props} name="slug" defaultValue={values.slug} className={inputClasses} />}
      </Field>
      <Field
        id="product-description"
        label="Description"
        hint="(Markdown: **bold**, _italic_, lists, [links](https://…))"
        error={error("description")}
      >
        {(props) => (
          <textarea
            {...props}
            name="description"
            rows={6}
            defaultValue={values.description}
            className={inputClasses}
          />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="product-price" label="Price (USD)" error={error("price")}>
          {(props) => (
            <input
              {...props}
              name="price"
              inputMode="decimal"
              defaultValue={values.price}
              placeholder="2.99"
              className={inputClasses}
            />
          )}
        </Field>
        <Field
          id="product-compare-at"
          label="Compare-at price"
          hint="(optional, shown struck through)"
          error={error("compareAt")}
        >
          {(props) => (
            <input
              {...props}
              name="compareAt"
              inputMode="decimal"
              defaultValue={values.compareAt}
              className={inputClasses}
            />
          )}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="product-status" label="Status" error={error("status")}>
          {(props) => (
            <select {...props} name="status" defaultValue={values.status} className={inputClasses}>
              <option value="ACTIVE">Active (on the store)</option>
              <option value="DRAFT">Draft (hidden)</option>
              <option value="ARCHIVED">Archived (off the store, kept on orders)</option>
            </select>
          )}
        </Field>
        <div className="flex items-center gap-2 pt-6">
          <input id="product-digital" type="checkbox" name="digital" defaultChecked={values.digital} />
          <label htmlFor="product-digital" className="text-sm">
            Digital product <span className="text-muted">(nothing to ship)</span>
          </label>
        </div>
      </div>
      <Field
        id="product-seo-title"
        label="SEO title"
        hint="(optional, defaults to the name)"
        error={error("seoTitle")}
      >
        {(props) => (
          <input {...props} name="seoTitle" defaultValue={values.seoTitle} className={inputClasses} />
        )}
      </Field>
      <Field
        id="product-seo-description"
        label="SEO description"
        hint="(optional)"
        error={error("seoDescription")}
      >
        {(props) => (
          <textarea
            {...props}
            name="seoDescription"
            rows={2}
            defaultValue={values.seoDescription}
            className={inputClasses}
          />
        )}
      </Field>
      {collections.length ? (
        <fieldset className="space-y-1.5" aria-describedby="product-collections-message">
          <legend className="text-sm font-medium">Collections</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-1">
            {collections.map((collection) => (
              <label key={collection.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="collectionIds"
                  value={collection.id}
                  defaultChecked={values.collectionIds.includes(collection.id)}
                />
                {collection.title}
              </label>
            ))}
          </div>
          <p id="product-collections-message" className="min-h-4 text-xs text-red-700">
            {error("collectionIds")}
          </p>
        </fieldset>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 pt-2">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {values.id ? "Save product" : "Create product"}
        </SubmitButton>
        <ActionMessage id="product-form-message" state={state} />
      </div>
    </form>
  );
}
