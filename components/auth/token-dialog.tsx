"use client";
// Asked once, when the API says DASHBOARD_TOKEN is required; the hook keeps the answer.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export interface TokenDialogProps {
  open: boolean;
  wrong: boolean;
  onSubmit: (token: string) => void;
  onCancel: () => void;
}

export function TokenDialog({ open, wrong, onSubmit, onCancel }: TokenDialogProps) {
  const [value, setValue] = useState("");
  return (
    <Dialog
      data-testid="token-dialog"
      open={open}
      onClose={onCancel}
      title="Dashboard token needed"
      description={
        wrong
          ? "That token was refused. Enter the DASHBOARD_TOKEN this dashboard was started with."
          : "This dashboard was started with DASHBOARD_TOKEN: actions need it. It is kept in this browser only."
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) onSubmit(value.trim());
          setValue("");
        }}
        className="flex flex-col gap-3"
      >
        <label className="flex flex-col gap-1 text-sm font-medium">
          Token
          <input
            data-testid="token-input"
            type="password"
            autoComplete="off"
            required
            minLength={8}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            className="rounded-md border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm dark:border-slate-600 dark:bg-slate-950"
          />
        </label>
        <div className="flex justify-end gap-2">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary" data-testid="token-submit">
            Save and retry
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
