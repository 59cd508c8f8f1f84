// The state machine's pieces as SVG: a stage box (title and figure lines) and
// an arrow with its count. Colours: normal flow slate, error path red, retry
// path amber; a path not used in this run is drawn faint and dashed.
import { SVG_TONE } from "./flow-format";

export type PathKind = "normal" | "error" | "retry";
const STROKE: Record<PathKind, string> = { normal: "#475569", error: "#b91c1c", retry: "#b45309" };

export function ArrowDefs() {
  return (
    <defs>
      {(Object.keys(STROKE) as PathKind[]).map((k) => (
        <marker key={k} id={`arrow-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill={STROKE[k]} />
        </marker>
      ))}
    </defs>
  );
}

export interface FigureLine {
  text: string;
  tone?: keyof typeof SVG_TONE;
}

export interface BoxProps {
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  lines: FigureLine[];
  kind?: PathKind;
  /** Unused in this run: faint. */
  idle?: boolean;
  testId: string;
  data?: Record<string, string | number>;
}

export function StageBox({ x, y, w, h, title, lines, kind = "normal", idle = false, testId, data = {} }: BoxProps) {
  const attrs = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <g data-testid={testId} data-idle={idle} {...attrs} opacity={idle ? 0.45 : 1}>
      <rect x={x} y={y} width={w} height={h} rx={8} fill="var(--flow-box, #ffffff)" stroke={STROKE[kind]} strokeWidth={idle ? 1 : 2} strokeDasharray={idle ? "5 4" : undefined} />
      <text x={x + 10} y={y + 20} fontSize={14} fontWeight={600} fill="currentColor">
        {title}
      </text>
      {lines.map((l, i) => (
        <text key={i} x={x + 10} y={y + 40 + i * 17} fontSize={12.5} fill={l.tone ? SVG_TONE[l.tone] : "currentColor"} fontWeight={l.tone && l.tone !== "none" ? 600 : 400}>
          {l.text}
        </text>
      ))}
    </g>
  );
}

export interface ArrowProps {
  points: [number, number][];
  label?: string;
  /** Where the label sits, as an index of the segment it labels. */
  labelAt?: number;
  kind?: PathKind;
  idle?: boolean;
  testId?: string;
}

export function FlowArrow({ points, label, labelAt = 0, kind = "normal", idle = false, testId }: ArrowProps) {
  const d = points.map(([px, py], i) => `${i === 0 ? "M" : "L"} ${px} ${py}`).join(" ");
  const [a, b] = [points[labelAt] ?? points[0]!, points[labelAt + 1] ?? points[points.length - 1]!];
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  return (
    <g data-testid={testId} data-idle={idle} opacity={idle ? 0.4 : 1}>
      <path d={d} fill="none" stroke={STROKE[kind]} strokeWidth={idle ? 1.2 : 2} strokeDasharray={idle || kind !== "normal" ? "6 4" : undefined} markerEnd={`url(#arrow-${kind})`} />
      {label && (
        <text x={mx} y={my - 6} fontSize={12} textAnchor="middle" fill={STROKE[kind]} fontWeight={600}>
          {label}
        </text>
      )}
    </g>
  );
}
