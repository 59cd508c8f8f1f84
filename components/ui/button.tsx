"use client";
// A button that, when it cannot be used, says why: it stays focusable
// (aria-disabled, not disabled) so keyboard and screen-reader users reach the reason.
import { useId, type ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-sky-700 text-white hover:bg-sky-800 border-sky-700",
  danger: "bg-red-700 text-white hover:bg-red-800 border-red-700",
  neutral: "bg-white text-slate-800 hover:bg-slate-100 border-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:border-slate-600 dark:hover:bg-slate-700",
} as const;

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: keyof typeof VARIANTS;
  size?: "sm" | "md";
  /** When set the button is unusable and this sentence says why. */
  disabledReason?: string | null;
}

export function Button({ variant = "neutral", size = "md", disabledReason, className = "", onClick, children, ...rest }: ButtonProps) {
  const reasonId = useId();
  const off = Boolean(disabledReason);
  const sizing = size === "sm" ? "px-2.5 py-1 text-xs" : "px-3.5 py-1.5 text-sm";
  return (
    <>
      <button
        type="button"
        {...rest}
        aria-disabled={off || undefined}
        aria-describedby={off ? reasonId : rest["aria-describedby"]}
        title={off ? (disabledReason ?? undefined) : rest.title}
        onClick={off ? (e) => e.preventDefault() : onClick}
        className={`inline-flex items-center justify-center gap-1 rounded-md border font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${sizing} ${VARIANTS[variant]} ${off ? "cursor-not-allowed opacity-50" : ""} ${className}`}
      >
        {children}
      </button>
      {off && (
        <span id={reasonId} className="sr-only">
          {disabledReason}
        </span>
      )}
    </>
  );
}
