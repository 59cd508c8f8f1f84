"use client";
// The one chart of the app: a time series (stacked areas, lines or steps) with
// operator actions as vertical markers, drawn as plain SVG from plotTimeChart.
// It replaced recharts: at 10,000 partitions on 2 cores, even one recharts chart
// redrawn per snapshot left long tasks of 50-100 ms every 20-30 s; here a redraw
// is a few path strings and a dozen elements.
// Everything else in the app draws charts through this.
import { useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from "react";
import { formatClock } from "@/components/ui/format";
import type { Marker, Row, Series } from "./series";
import { plotTimeChart, rowAt, type ChartKind } from "./plot";

export interface TimeChartProps {
  rows: Row[];
  series: Series[];
  markers?: Marker[];
  kind: ChartKind;
  height: number;
  format?: (n: number) => string;
}

/** The element's size, followed as the layout changes (0 × 0 before the first layout). */
function useSize<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => setSize((s) => (s.width === el.clientWidth && s.height === el.clientHeight ? s : { width: el.clientWidth, height: el.clientHeight }));
    read();
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size] as const;
}

const plain = (n: number) => String(n);

export default function TimeChart({ rows, series, markers, kind, height, format = plain }: TimeChartProps) {
  const [box, size] = useSize<HTMLDivElement>();
  const plot = useMemo(
    () => plotTimeChart({ rows, series, markers, kind, width: size.width, height: size.height, format, clock: formatClock }),
    [rows, series, markers, kind, size.width, size.height, format],
  );
  const [hover, setHover] = useState<number | null>(null);
  const row = hover === null ? undefined : rows[hover];
  const { left, right, top, bottom } = plot.box;
  const onMove = (e: PointerEvent<SVGSVGElement>) => setHover(rowAt(plot, e.clientX - e.currentTarget.getBoundingClientRect().left));
  const hoverX = hover === null ? 0 : (plot.xs[hover] ?? 0);

  return (
    <div className="flex flex-col" style={{ height }}>
      <div ref={box} className="relative min-h-0 flex-1">
        {size.width > 0 && (
          <svg width={size.width} height={size.height} className="block select-none" fontSize={11} onPointerMove={onMove} onPointerLeave={() => setHover(null)}>
            <g stroke="#94a3b8" strokeOpacity={0.35} strokeDasharray="3 3">
              {plot.yTicks.map((t) => <line key={`y${t.y}`} x1={left} x2={right} y1={t.y} y2={t.y} />)}
              {plot.xTicks.map((t) => <line key={`x${t.x}`} x1={t.x} x2={t.x} y1={top} y2={bottom} />)}
            </g>
            <g fill="currentColor">
              {plot.yTicks.map((t) => <text key={`y${t.y}`} x={left - 6} y={t.y} dy={4} textAnchor="end">{t.label}</text>)}
              {plot.xTicks.map((t) => <text key={`x${t.x}`} x={t.x} y={bottom + 14} textAnchor={t.anchor}>{t.label}</text>)}
            </g>
            <line x1={left} x2={right} y1={bottom} y2={bottom} stroke="currentColor" strokeOpacity={0.5} />
            {plot.shapes.map((s) => (
              <g key={s.key} data-series={s.key}>
                {s.area && <path d={s.area} fill={s.color} fillOpacity={0.35} stroke="none" />}
                {s.line && <path d={s.line} fill="none" stroke={s.color} strokeWidth={kind === "stacked-area" ? 1 : 2} strokeLinejoin="round" />}
                {s.dots?.map((d) => <circle key={d.x} cx={d.x} cy={d.y} r={3} fill={s.color} />)}
              </g>
            ))}
            {plot.markers.map((m) => (
              <g key={`${m.x}-${m.label}`} data-marker={m.label}>
                <line x1={m.x} x2={m.x} y1={top} y2={bottom} stroke="#dc2626" strokeDasharray="4 2" />
                <text x={m.x + 3} y={top + 10 + m.row * 11} fontSize={10} fill="#b91c1c">
                  <title>{m.details.join("\n")}</title>
                  {m.label}
                </text>
              </g>
            ))}
            {row && <line x1={hoverX} x2={hoverX} y1={top} y2={bottom} stroke="currentColor" strokeOpacity={0.6} pointerEvents="none" />}
          </svg>
        )}
        {row && (
          <div
            role="presentation"
            className="pointer-events-none absolute top-1 z-10 min-w-32 rounded border border-slate-300 bg-white/95 px-2 py-1 text-xs text-slate-800 shadow dark:border-slate-600 dark:bg-slate-900/95 dark:text-slate-100"
            style={hoverX > (left + right) / 2 ? { right: size.width - hoverX + 8 } : { left: hoverX + 8 }}
          >
            <div className="font-medium">{formatClock(row.at)}</div>
            {series.map((s) => {
              const v = row[s.key];
              if (typeof v !== "number") return null;
              // An event series has no magnitude worth reading: its tooltip says it happened.
              return (
                <div key={s.key} className="flex items-center gap-1.5">
                  <span className="inline-block h-2 w-2 shrink-0 rounded-full" style={{ background: s.color }} />
                  <span className="truncate">{s.label}</span>
                  <span className="ml-auto pl-2 tabular-nums">{s.dots ? "yes" : format(v)}</span>
                </div>
              );
            })}
          </div>
        )}
      </div>
      <ul className="mt-1 flex flex-wrap justify-center gap-x-3 gap-y-0.5 text-xs">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1">
            <span className={`inline-block shrink-0 ${s.dots ? "h-2 w-2 rounded-full" : "h-0.5 w-3"}`} style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
