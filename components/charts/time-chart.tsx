"use client";
// The one recharts wrapper: a time-series chart (stacked areas, lines or steps)
// with operator actions drawn as vertical markers. Everything else in the app
// draws charts through this, never recharts directly.
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatClock } from "@/components/ui/format";
import { mergeMarkers, type Marker, type Row, type Series } from "./series";

export interface TimeChartProps {
  rows: Row[];
  series: Series[];
  markers?: Marker[];
  kind: "stacked-area" | "line" | "step";
  height: number;
  format?: (n: number) => string;
}

const axis = { fontSize: 11, fill: "currentColor" };

/** A marker's label, with every action it stands for as its tooltip (an SVG <title>). */
function MarkerLabel({ viewBox, marker, row }: { viewBox?: { x?: number; y?: number }; marker: Marker; row: number }) {
  const x = (viewBox?.x ?? 0) + 3;
  const y = (viewBox?.y ?? 0) + 10 + row * 11;
  return (
    <text x={x} y={y} fontSize={10} fill="#b91c1c">
      <title>{(marker.details ?? [marker.label]).join("\n")}</title>
      {marker.label}
    </text>
  );
}

export default function TimeChart({ rows, series, markers = [], kind, height, format = (n) => String(n) }: TimeChartProps) {
  const dotKeys = new Set(series.filter((s) => s.dots).map((s) => s.key));
  const shown = mergeMarkers(markers, rows[0]?.at ?? 0, rows.at(-1)?.at ?? 0, formatClock);
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#94a3b8" strokeOpacity={0.35} />
      <XAxis dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={formatClock} tick={axis} minTickGap={40} />
      <YAxis width={52} tick={axis} tickFormatter={format} allowDecimals={kind !== "step"} />
      {/* An event series has no magnitude worth reading: its tooltip says it happened. */}
      <Tooltip labelFormatter={(v) => formatClock(Number(v))} formatter={(v, _name, item) => (dotKeys.has(String(item.dataKey)) ? "yes" : format(Number(v)))} isAnimationActive={false} />
      <Legend wrapperStyle={{ fontSize: 12 }} />
      {shown.map((m, i) => (
        // Close markers are merged (mergeMarkers); the rest are staggered over three rows.
        <ReferenceLine key={`${m.at}-${m.label}`} x={m.at} stroke="#dc2626" strokeDasharray="4 2"
          label={(props: { viewBox?: { x?: number; y?: number } }) => <MarkerLabel viewBox={props.viewBox} marker={m} row={i % 3} />} />
      ))}
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={height}>
      {kind === "stacked-area" ? (
        <AreaChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          {common}
          {series.map((s) => (
            <Area key={s.key} dataKey={s.key} name={s.label} stackId="1" type="monotone" stroke={s.color} fill={s.color} fillOpacity={0.35} isAnimationActive={false} dot={false} />
          ))}
        </AreaChart>
      ) : (
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          {common}
          {series.map((s) =>
            s.dots ? (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke="none" legendType="circle" isAnimationActive={false} connectNulls={false}
                dot={{ r: 3, fill: s.color, stroke: s.color }} activeDot={{ r: 4, fill: s.color }} />
            ) : (
              <Line key={s.key} dataKey={s.key} name={s.label} type={kind === "step" ? "stepAfter" : "monotone"} stroke={s.color} strokeWidth={2} isAnimationActive={false} dot={false} connectNulls={false} />
            ),
          )}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
