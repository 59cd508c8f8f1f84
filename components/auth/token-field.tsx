"use client";
// The DASHBOARD_TOKEN input, shared by the action dialog and the login.
export interface TokenFieldProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
  autoComplete: "off" | "current-password";
}

export function TokenField({ value, onChange, testId, autoComplete }: TokenFieldProps) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      Token
      <input
        data-testid={testId}
        type="password"
        autoComplete={autoComplete}
        required
        minLength={8}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="rounded-md border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
      />
    </label>
  );
}
