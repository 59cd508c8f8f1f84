import type { HTMLAttributes, ReactNode } from "react";

export function Card({ className = "", children, ...rest }: HTMLAttributes<HTMLElement>) {
  return (
    <section
      {...rest}
      className={`rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900 ${className}`}
    >
      {children}
    </section>
  );
}

export function CardTitle({ children, aside, id }: { children: ReactNode; aside?: ReactNode; id?: string }) {
  return (
    <div className="mb-3 flex items-baseline justify-between gap-2">
      <h2 id={id} className="text-base font-semibold">
        {children}
      </h2>
      {aside && <div className="text-xs text-slate-600 dark:text-slate-400">{aside}</div>}
    </div>
  );
}
