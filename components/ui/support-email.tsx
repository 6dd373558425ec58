// The store's support address as a mailto link, where a page tells the customer whom to write to.
import { storeConfig } from "@/lib/store-config";

export function SupportEmail() {
  return (
    <a href={`mailto:${storeConfig.supportEmail}`} className="text-brand underline underline-offset-4">
      {storeConfig.supportEmail}
    </a>
  );
}
