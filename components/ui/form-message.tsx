// The live region where a form reports its outcome; screen readers announce changes to it.
import type { ReactNode } from "react";

interface FormMessageProps {
  id: string;
  tone: "error" | "success" | null;
  children?: ReactNode;
}

export function FormMessage({ id, tone, children }: FormMessageProps) {
  const colour = tone === "error" ? "text-red-700" : "text-ok";
  return (
    <p
      id={id}
      role={tone === "error" ? "alert" : "status"}
      aria-live="polite"
      className={`min-h-5 text-sm ${colour}`}
    >
      {children}
    </p>
  );
}
