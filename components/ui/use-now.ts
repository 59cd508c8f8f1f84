"use client";
import { useEffect, useState } from "react";

/** The current time, re-read every `everyMs`: for "up 3 min" and "seen 20 s ago". */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
