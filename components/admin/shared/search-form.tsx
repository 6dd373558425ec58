// A GET search box that keeps the other filters as hidden fields.
import { buttonClasses } from "@/components/ui/button";

interface SearchFormProps {
  action: string;
  label: string;
  placeholder: string;
  value: string;
  keep: Record<string, string>;
}

export function SearchForm({ action, label, placeholder, value, keep }: SearchFormProps) {
  return (
    <form action={action} method="get" role="search" className="flex w-full gap-2 sm:w-auto">
      {Object.entries(keep).map(([name, kept]) => (
        <input key={name} type="hidden" name={name} value={kept} />
      ))}
      <label htmlFor={`${action}-search`} className="sr-only">
        {label}
      </label>
      <input
        id={`${action}-search`}
        type="search"
        name="q"
        defaultValue={value}
        placeholder={placeholder}
        className="min-w-0 flex-1 rounded-full border border-line bg-surface px-4 py-2 text-sm sm:w-80"
      />
      <button type="submit" className={buttonClasses("secondary", "py-2")}>
        Search
      </button>
    </form>
  );
}
