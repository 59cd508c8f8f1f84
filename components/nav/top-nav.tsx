"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { LiveIndicator } from "@/components/status/live-indicator";

const LINKS = [
  { href: "/", label: "Overview" },
  { href: "/topics", label: "Topics" },
  { href: "/drill", label: "Drill" },
  { href: "/flow", label: "Event flow" },
] as const;

export function TopNav() {
  const pathname = usePathname();
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
        <Link href="/" className="font-semibold tracking-tight">
          StreamSocial Cluster
        </Link>
        <ul className="flex gap-1">
          {LINKS.map((l) => {
            const active = l.href === "/" ? pathname === "/" : pathname.startsWith(l.href);
            return (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={active ? "page" : undefined}
                  className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-sky-600 ${
                    active
                      ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
                      : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                  }`}
                >
                  {l.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="ml-auto">
          <LiveIndicator />
        </div>
      </nav>
    </header>
  );
}
