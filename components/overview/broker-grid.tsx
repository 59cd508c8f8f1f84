"use client";
// The broker cards and the one confirmation and token dialog they share.
import { useState } from "react";
import type { BrokerView, RuntimeInfo } from "@/lib/model/cluster";
import type { BrokerAction } from "@/lib/model/runtime";
import { useBrokerAction, type ActionTarget } from "@/lib/swr/use-broker-action";
import { TokenDialog } from "@/components/auth/token-dialog";
import { actionButtons, DESTRUCTIVE } from "./action-rules";
import { BrokerCard } from "./broker-card";
import { ConfirmActionDialog } from "./confirm-action-dialog";
import { nodeName } from "./node-name";

export interface BrokerGridProps {
  brokers: BrokerView[];
  /** Set while Kafka does not answer: the brokers as last seen answering. */
  lastKnown: BrokerView[] | null;
  runtime: RuntimeInfo;
  serverDown: boolean;
}

export function BrokerGrid({ brokers, lastKnown, runtime, serverDown }: BrokerGridProps) {
  const actions = useBrokerAction();
  const [confirming, setConfirming] = useState<ActionTarget | null>(null);

  const request = (id: number, action: BrokerAction) => {
    if (DESTRUCTIVE.has(action)) setConfirming({ id, action });
    else void actions.run({ id, action });
  };

  if (brokers.length === 0) {
    return (
      <p data-testid="brokers-empty" className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
        No brokers known yet: none registered and no runtime reports any.
      </p>
    );
  }

  // Past six cards a compact grid, so a 9-broker cluster with its controllers still fits a laptop screen.
  const compact = brokers.length > 6;
  return (
    <section aria-label="Brokers">
      <div data-testid="broker-grid" data-compact={compact ? "true" : "false"} className={`grid grid-cols-1 gap-3 ${compact ? "sm:grid-cols-2 md:grid-cols-3 xl:grid-cols-4" : "md:grid-cols-3"}`}>
        {brokers.map((b) => {
          const busy = actions.busy?.id === b.id;
          const failure = actions.failure?.target.id === b.id ? actions.failure : null;
          return (
            <BrokerCard
              key={b.id}
              broker={b}
              lastKnown={lastKnown?.find((x) => x.id === b.id) ?? null}
              buttons={actionButtons(b, { runtime, serverDown, busy })}
              busyAction={busy ? (actions.busy?.action ?? null) : null}
              error={failure ? `${failure.target.action} failed: ${failure.message}` : null}
              onAction={(action) => request(b.id, action)}
              runtime={runtime}
              compact={compact}
            />
          );
        })}
      </div>
      <ConfirmActionDialog
        target={confirming}
        nameOf={(id) => nodeName(brokers.find((b) => b.id === id) ?? { id, controllerOnly: false }).toLowerCase()}
        onCancel={() => setConfirming(null)}
        onConfirm={(t) => {
          setConfirming(null);
          void actions.run(t);
        }}
      />
      <TokenDialog
        open={actions.tokenAsk !== null}
        wrong={actions.tokenAsk?.wrong ?? false}
        onSubmit={actions.submitToken}
        onCancel={actions.cancelToken}
      />
    </section>
  );
}
