"use client";
// On a dashboard reachable beyond loopback every read needs DASHBOARD_TOKEN. The
// page asks for it once; /api/session turns it into an HttpOnly cookie that
// reads, the live stream and actions then carry, and the page reloads with it.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { fetchSession, logIn } from "@/lib/swr/session";
import { TokenField } from "./token-field";

type Phase = { kind: "checking" } | { kind: "open" } | { kind: "ask"; wrong: boolean; error?: string };

export function LoginGate() {
  const [phase, setPhase] = useState<Phase>({ kind: "checking" });
  const [value, setValue] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    fetchSession()
      .then((s) => {
        if (live) setPhase(s && s.readsNeedToken && !s.authenticated ? { kind: "ask", wrong: false } : { kind: "open" });
      })
      // Server down: the page's own states say so; nothing to ask.
      .catch(() => live && setPhase({ kind: "open" }));
    return () => {
      live = false;
    };
  }, []);

  if (phase.kind !== "ask") return null;

  const submit = async () => {
    setBusy(true);
    try {
      const outcome = await logIn(value.trim());
      if (outcome === "ok") {
        window.location.reload();
        return;
      }
      setValue("");
      setPhase({ kind: "ask", wrong: outcome === "wrong", error: outcome === "wrong" ? undefined : `the server answered ${outcome}` });
    } catch (err) {
      setPhase({ kind: "ask", wrong: false, error: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      data-testid="login-dialog"
      open
      onClose={() => undefined}
      title="Log in to this dashboard"
      description={
        phase.wrong
          ? "That token was refused. Enter the DASHBOARD_TOKEN this dashboard was started with."
          : "This dashboard is reachable beyond this machine, so it shows nothing without its DASHBOARD_TOKEN. This browser keeps a session cookie, not the token."
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (value.trim()) void submit();
        }}
        className="flex flex-col gap-3"
      >
        <TokenField value={value} onChange={setValue} testId="login-token" autoComplete="current-password" />
        {phase.error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            Could not log in: {phase.error}
          </p>
        )}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" data-testid="login-submit" disabled={busy}>
            Log in
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
