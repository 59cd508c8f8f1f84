"use client";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SLOW_LIMITS } from "@/lib/model/runtime";
import type { ActionTarget } from "@/lib/swr/use-broker-action";
import { ACTION_EFFECT, ACTION_LABEL } from "./action-rules";

export interface ConfirmActionDialogProps {
  target: ActionTarget | null;
  /** "broker 2", "controller 101": what the target is called. */
  nameOf?: (id: number) => string;
  onConfirm: (target: ActionTarget) => void;
  onCancel: () => void;
}

/** The lesson's demo value: well above loopback's ~1 ms, well below Kafka's request timeouts. */
const DEFAULT_DELAY_MS = 200;

export function ConfirmActionDialog({ target, nameOf = (id) => `broker ${id}`, onConfirm, onCancel }: ConfirmActionDialogProps) {
  const [delay, setDelay] = useState(String(DEFAULT_DELAY_MS));
  const [jitter, setJitter] = useState("0");
  useEffect(() => {
    if (target?.action === "slow") {
      setDelay(String(DEFAULT_DELAY_MS));
      setJitter("0");
    }
  }, [target]);
  const slow = target?.action === "slow";
  const delayMs = Number(delay);
  const jitterMs = Number(jitter);
  const inRange = (v: number, l: { min: number; max: number }) => Number.isInteger(v) && v >= l.min && v <= l.max;
  const slowError = !slow
    ? null
    : !inRange(delayMs, SLOW_LIMITS.delayMs)
      ? `Delay must be a whole number from ${SLOW_LIMITS.delayMs.min} to ${SLOW_LIMITS.delayMs.max} ms`
      : !inRange(jitterMs, SLOW_LIMITS.jitterMs)
        ? `Jitter must be a whole number from ${SLOW_LIMITS.jitterMs.min} to ${SLOW_LIMITS.jitterMs.max} ms`
        : null;
  const label = target ? `${ACTION_LABEL[target.action]} ${nameOf(target.id)}` : "";
  const confirm = () => {
    if (!target || slowError) return;
    onConfirm(slow ? { ...target, slow: { delayMs, jitterMs } } : target);
  };
  return (
    <Dialog
      data-testid="confirm-dialog"
      open={target !== null}
      onClose={onCancel}
      title={target ? `${label}?` : ""}
      description={target ? ACTION_EFFECT[target.action] : undefined}
    >
      {slow && (
        <div className="mb-3 flex flex-wrap gap-3 text-sm">
          <label className="flex items-center gap-2">
            Delay (ms)
            <input data-testid="slow-delay" type="number" inputMode="numeric" min={SLOW_LIMITS.delayMs.min} max={SLOW_LIMITS.delayMs.max} value={delay} onChange={(e) => setDelay(e.target.value)} className="w-24 rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600" />
          </label>
          <label className="flex items-center gap-2">
            Jitter (ms)
            <input data-testid="slow-jitter" type="number" inputMode="numeric" min={SLOW_LIMITS.jitterMs.min} max={SLOW_LIMITS.jitterMs.max} value={jitter} onChange={(e) => setJitter(e.target.value)} className="w-24 rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600" />
          </label>
          {slowError && (
            <p role="alert" data-testid="slow-error" className="w-full text-xs text-red-700 dark:text-red-400">
              {slowError}
            </p>
          )}
        </div>
      )}
      <div className="flex justify-end gap-2">
        <Button data-testid="confirm-cancel" onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button data-testid="confirm-action" variant="danger" onClick={confirm} disabledReason={slowError}>
          {label}
        </Button>
      </div>
    </Dialog>
  );
}
