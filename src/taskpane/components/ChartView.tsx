/**
 * A small SVG chart, used by the preview for the charts the add-in asks for (Workbook.addChart) and by
 * the task pane for step results: the data block has categories in its first column and one series
 * per further column, with names in the first row. Line and area charts draw lines; column and bar
 * charts draw grouped columns.
 */
import * as React from "react";
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ChartSpec, Matrix } from "../../workbook/workbook";

const WIDTH = 440;
const HEIGHT = 200;
const PAD = { left: 48, right: 8, top: 8, bottom: 22 };
const COLORS = ["#0f6cbd", "#c50f1f", "#107c10", "#8764b8", "#ca5010", "#038387"];

const useStyles = makeStyles({
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
  plot: { display: "block", maxWidth: `${WIDTH}px` },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function ChartView({ spec, block }: { spec: ChartSpec; block: Matrix }): React.JSX.Element {
  const styles = useStyles();
  const names = (block[0] ?? []).slice(1).map((name, i) => (name === null ? `Series ${i + 1}` : String(name)));
  const rows = block.slice(1);
  const series = names.map((_, s) => rows.map((row) => (typeof row[s + 1] === "number" ? (row[s + 1] as number) : null)));
  const numbers = series.flat().filter((value): value is number => value !== null);
  const low = Math.min(0, ...numbers);
  const high = Math.max(low + 1, ...numbers);
  const x = (i: number) => PAD.left + ((i + 0.5) * (WIDTH - PAD.left - PAD.right)) / Math.max(rows.length, 1);
  const y = (value: number) => PAD.top + ((high - value) * (HEIGHT - PAD.top - PAD.bottom)) / (high - low);
  const band = (WIDTH - PAD.left - PAD.right) / Math.max(rows.length, 1);
  const bars = spec.kind === "column" || spec.kind === "bar";

  return (
    <figure className={styles.figure}>
      <figcaption>
        <Caption1>
          <strong>{spec.title}</strong>
          {spec.dataAddress ? ` (${spec.kind} chart of ${spec.dataAddress})` : ""}
        </Caption1>
      </figcaption>
      <svg className={styles.plot} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={`${spec.title}: ${names.join(", ")} over ${rows.length} periods`}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} stroke="#8a8886" />
        <text x={PAD.left - 4} y={y(high) + 4} textAnchor="end" fontSize="10">
          {formatAxis(high)}
        </text>
        <text x={PAD.left - 4} y={y(low) + 4} textAnchor="end" fontSize="10">
          {formatAxis(low)}
        </text>
        {[0, rows.length - 1].filter((i) => i >= 0).map((i) => (
          <text key={i} x={x(i)} y={HEIGHT - 6} textAnchor={i === 0 ? "start" : "end"} fontSize="10">
            {String(rows[i][0] ?? "")}
          </text>
        ))}
        {series.map((values, s) =>
          bars ? (
            values.map((value, i) =>
              value === null ? null : (
                <rect
                  key={`${s}-${i}`}
                  x={x(i) - band / 2 + (band * 0.8 * s) / series.length + band * 0.1}
                  width={(band * 0.8) / series.length}
                  y={Math.min(y(value), y(0))}
                  height={Math.abs(y(value) - y(0))}
                  fill={COLORS[s % COLORS.length]}
                />
              ),
            )
          ) : (
            <g key={s}>
              <polyline points={linePoints(values, x, y)} fill="none" stroke={COLORS[s % COLORS.length]} strokeWidth={1.5} />
              {values.map((value, i) =>
                value === null || !standsAlone(values, i) ? null : <circle key={i} cx={x(i)} cy={y(value)} r={3.5} fill="none" stroke={COLORS[s % COLORS.length]} strokeWidth={1.5} />,
              )}
            </g>
          ),
        )}
      </svg>
      <div className={styles.legend}>
        {names.map((name, s) => (
          <Caption1 key={name + s} style={{ color: COLORS[s % COLORS.length] }}>
            ■ {name}
          </Caption1>
        ))}
      </div>
    </figure>
  );
}

/** SVG points of a line, skipping blanks (a blank breaks nothing; the line joins its neighbours). */
function linePoints(values: readonly (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  return values.flatMap((value, i) => (value === null ? [] : [`${x(i).toFixed(1)},${y(value).toFixed(1)}`])).join(" ");
}

/** True for a point of a line with no point beside it (an override in one month): drawn as a ring, since no line reaches it. */
function standsAlone(values: readonly (number | null)[], i: number): boolean {
  return (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null;
}

function formatAxis(value: number): string {
  return Math.abs(value) >= 1000 ? `${Math.round(value / 100) / 10}k` : String(Math.round(value * 100) / 100);
}
