"use client";
// Runs broker actions. A 401 from a dashboard with DASHBOARD_TOKEN set turns into
// a request for the token (tokenAsk); once given it is kept in this browser and
// the action is retried. The page itself updates from the live stream.
import { useCallback, useState } from "react";
import type { BrokerAction, BrokerProcess, SlowParams } from "@/lib/model/runtime";
import { FetchError, post } from "./fetcher";
import { forgetToken, readToken, saveToken } from "./token";

export interface ActionTarget {
  id: number;
  action: BrokerAction;
  /** slow only: the delay asked for. */
  slow?: SlowParams;
}

export interface ActionFailure {
  target: ActionTarget;
  code: string;
  message: string;
}

export interface TokenAsk {
  target: ActionTarget;
  /** The token we sent was refused (as opposed to none sent). */
  wrong: boolean;
}

export function useBrokerAction() {
  const [busy, setBusy] = useState<ActionTarget | null>(null);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [tokenAsk, setTokenAsk] = useState<TokenAsk | null>(null);

  const run = useCallback(async (target: ActionTarget) => {
    setBusy(target);
    setFailure(null);
    try {
      await post<{ broker: BrokerProcess }>(`/api/brokers/${target.id}/${target.action}`, readToken(), target.slow);
    } catch (err) {
      if (err instanceof FetchError && err.status === 401) {
        if (err.code === "token_invalid") forgetToken();
        setTokenAsk({ target, wrong: err.code === "token_invalid" });
      } else {
        const code = err instanceof FetchError ? err.code : "error";
        setFailure({ target, code, message: err instanceof Error ? err.message : String(err) });
      }
    } finally {
      setBusy(null);
    }
  }, []);

  const submitToken = useCallback(
    (token: string) => {
      saveToken(token);
      const target = tokenAsk?.target;
      setTokenAsk(null);
      if (target) void run(target);
    },
    [run, tokenAsk],
  );

  return {
    run,
    busy,
    failure,
    tokenAsk,
    submitToken,
    cancelToken: useCallback(() => setTokenAsk(null), []),
    dismissFailure: useCallback(() => setFailure(null), []),
  };
}
