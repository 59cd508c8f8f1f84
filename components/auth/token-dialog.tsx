"use client";
// Asked once, when the API says DASHBOARD_TOKEN is required; the hook keeps the answer.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TokenField } from "./token-field";

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
        <TokenField value={value} onChange={setValue} testId="token-input" autoComplete="off" />
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
