// This segment's 404: an unknown order, or a link that does not match it.
import type { Metadata } from "next";
import { OrderNotFound } from "@/components/checkout/order-notice";

export const metadata: Metadata = { title: "Order not found", robots: { index: false } };

export default function NotFound() {
  return <OrderNotFound />;
}
