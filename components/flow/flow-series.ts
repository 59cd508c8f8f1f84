// The flow's chart points shaped into chart rows. Pure.
import type { Row, Series } from "@/components/charts/series";
import type { FlowPoint } from "@/lib/model/flow";

export function rateRows(points: readonly FlowPoint[]): { rows: Row[]; series: Series[] } {
  return {
    rows: points.map((p) => ({ at: p.at, created: p.created, published: p.published, feed: p.handled.feed, notification: p.handled.notification, analytics: p.handled.analytics })),
    series: [
      { key: "created", label: "created", color: "#0369a1" },
      { key: "published", label: "acknowledged", color: "#7e22ce" },
      { key: "feed", label: "feed handled", color: "#15803d" },
      { key: "notification", label: "notification handled", color: "#c2410c" },
      { key: "analytics", label: "analytics handled", color: "#0f766e" },
    ],
  };
}

export function latencyRows(points: readonly FlowPoint[]): { rows: Row[]; series: Series[] } {
  return {
    rows: points.map((p) => ({ at: p.at, publish: p.publishP99, handler: p.handlerP99, e2e: p.endToEndP99, ui: p.uiP99 })),
    series: [
      { key: "publish", label: "publish p99", color: "#7e22ce" },
      { key: "handler", label: "handler p99", color: "#15803d" },
      { key: "e2e", label: "created → handled p99", color: "#c2410c" },
      { key: "ui", label: "UI update p99", color: "#0369a1" },
    ],
  };
}

export function errorRows(points: readonly FlowPoint[]): { rows: Row[]; series: Series[] } {
  return {
    rows: points.map((p) => ({ at: p.at, failures: p.failures, retried: p.retried, dead: p.deadLettered, sendRetries: p.publishRetries })),
    series: [
      { key: "failures", label: "failed attempts", color: "#b91c1c" },
      { key: "retried", label: "retried", color: "#b45309" },
      { key: "dead", label: "dead-lettered", color: "#111827" },
      { key: "sendRetries", label: "send retries", color: "#7e22ce" },
    ],
  };
}

export function backlogRows(points: readonly FlowPoint[]): { rows: Row[]; series: Series[] } {
  return {
    rows: points.map((p) => ({ at: p.at, backlog: p.backlog, behind: p.behind })),
    series: [
      { key: "backlog", label: "not yet acknowledged", color: "#7e22ce" },
      { key: "behind", label: "handlers behind (lag + retries)", color: "#c2410c" },
    ],
  };
}
