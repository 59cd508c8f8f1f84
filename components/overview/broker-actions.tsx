"use client";
import { Button } from "@/components/ui/button";
import { ACTION_LABEL, DESTRUCTIVE, type ActionButton } from "./action-rules";

export interface BrokerActionsProps {
  brokerId: number;
  /** "Broker 2", "Controller 101": what the group of buttons controls. */
  name: string;
  buttons: ActionButton[];
  busyAction: string | null;
  onAction: (action: ActionButton["action"]) => void;
}

export function BrokerActions({ brokerId, name, buttons, busyAction, onAction }: BrokerActionsProps) {
  return (
    <div role="group" aria-label={`${name} controls`} className="mt-auto flex flex-wrap gap-1.5">
      {buttons.map(({ action, disabledReason }) => (
        <Button
          key={action}
          size="sm"
          data-testid={`action-${action}-${brokerId}`}
          variant={action === "kill" ? "danger" : "neutral"}
          disabledReason={disabledReason}
          aria-haspopup={DESTRUCTIVE.has(action) ? "dialog" : undefined}
          onClick={() => onAction(action)}
          className="w-[4.5rem]"
        >
          {busyAction === action ? "…" : ACTION_LABEL[action]}
        </Button>
      ))}
    </div>
  );
}
