"use client";
// A product's pictures: upload a file, link an allowed URL, and per picture its alt text, its
// place in the order, or its removal.
import Image from "next/image";
import { useState } from "react";
import { ActionMessage } from "@/components/admin/shared/action-message";
import { editImageAction, linkImageAction, uploadImageAction } from "@/lib/admin/catalogue/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field, fieldError, inputClasses } from "./field";
import { MoveButtons } from "./move-buttons";
import { useKeptForm } from "./use-kept-form";

const ACCEPT = "image/png,image/jpeg,image/webp,image/avif";

export function UploadImageForm({ productId, maxBytes }: { productId: string; maxBytes: number }) {
  const { state, pending, formProps } = useKeptForm(uploadImageAction);
  // Said before the upload starts: the server refuses too, but only after receiving the file.
  const [tooLarge, setTooLarge] = useState<string>();
  const fileError = tooLarge ?? fieldError(state, "file");
  return (
    <form {...formProps} className="space-y-2" encType="multipart/form-data">
      <input type="hidden" name="productId" value={productId} />
      <Field
        id="image-file"
        label="Upload an image"
        hint={`(PNG, JPEG, WebP or AVIF, up to ${maxBytes / 1024 / 1024} MB)`}
        error={fileError}
      >
        {(props) => (
          <input
            {...props}
            type="file"
            name="file"
            accept={ACCEPT}
            className="block text-sm"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setTooLarge(
                file && file.size > maxBytes
                  ? `This file is larger than ${maxBytes / 1024 / 1024} MB, the limit for images.`
                  : undefined,
              );
            }}
          />
        )}
      </Field>
      <Field
        id="image-alt"
        label="Alt text"
        hint="(what the picture shows, for screen readers)"
        error={fieldError(state, "alt")}
      >
        {(props) => <input {...props} name="alt" className={inputClasses} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending || Boolean(tooLarge)} pendingLabel="Uploading…">
          Upload
        </SubmitButton>
        <ActionMessage id="upload-message" state={state} />
      </div>
    </form>
  );
}

export function LinkImageForm({ productId, hosts }: { productId: string; hosts: readonly string[] }) {
  const { state, pending, formProps } = useKeptForm(linkImageAction);
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="productId" value={productId} />
      <Field
        id="image-url"
        label="Or link an image"
        hint={`(https on ${hosts.join(", ") || "no host yet"}, or a file of public/ such as /products/mug.svg)`}
        error={fieldError(state, "url")}
      >
        {(props) => <input {...props} name="url" className={inputClasses} placeholder="https://…" />}
      </Field>
      <Field id="image-url-alt" label="Alt text" error={fieldError(state, "alt")}>
        {(props) => <input {...props} name="alt" className={inputClasses} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} variant="secondary">
          Add link
        </SubmitButton>
        <ActionMessage id="link-message" state={state} />
      </div>
    </form>
  );
}

interface ImageRowProps {
  productId: string;
  image: { id: string; src: string; alt: string; detail: string };
  first: boolean;
  last: boolean;
}

export function ImageRow({ productId, image, first, last }: ImageRowProps) {
  const { state, pending, formProps } = useKeptForm(editImageAction);
  const id = `image-${image.id}`;
  return (
    <li className="flex flex-wrap items-start gap-4 py-3">
      <Image
        src={image.src}
        alt={image.alt}
        width={72}
        height={72}
        className="size-18 rounded-lg border border-line object-cover"
        unoptimized={image.src.endsWith(".svg")}
      />
      <form {...formProps} className="min-w-0 flex-1 space-y-2">
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="imageId" value={image.id} />
        <p className="text-xs text-muted">{image.detail}</p>
        <Field id={`${id}-alt`} label="Alt text" error={fieldError(state, "alt")}>
          {(props) => <input {...props} name="alt" defaultValue={image.alt} className={inputClasses} />}
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <SubmitButton
            pending={pending}
            variant="secondary"
            className="px-3 py-1.5"
            name="intent"
            value="alt"
          >
            Save alt text
          </SubmitButton>
          <MoveButtons pending={pending} first={first} last={last} what="image" />
          <SubmitButton
            pending={pending}
            variant="secondary"
            className="px-3 py-1.5 text-red-700"
            name="intent"
            value="remove"
          >
            Remove
          </SubmitButton>
          <ActionMessage id={`${id}-message`} state={state} />
        </div>
      </form>
    </li>
  );
}
