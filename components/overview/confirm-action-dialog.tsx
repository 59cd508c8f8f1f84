"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ActionTarget } from "@/lib/swr/use-broker-action";
import { ACTION_EFFECT, ACTION_LABEL } from "./action-rules";

export interface ConfirmActionDialogProps {
  target: ActionTarget | null;
  onConfirm: (target: ActionTarget) => void;
  onCancel: () => void;
}

export function ConfirmActionDialog({ target, onConfirm, onCancel }: ConfirmActionDialogProps) {
  const label = target ? `${ACTION_LABEL[target.action]} broker ${target.id}` : "";
  return (
    <Dialog
      data-testid="confirm-dialog"
      open={target !== null}
      onClose={onCancel}
      title={target ? `${label}?` : ""}
      description={target ? ACTION_EFFECT[target.action] : undefined}
    >
      <div className="flex justify-end gap-2">
        <Button data-testid="confirm-cancel" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button data-testid="confirm-action" variant="danger" onClick={() => target && onConfirm(target)}>
          {label}
        </Button>
      </div>
    </Dialog>
  );
}
