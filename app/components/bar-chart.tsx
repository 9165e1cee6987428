// Horizontal bar charts drawn as SVG on the server: readable without JavaScript, scalable, printable.
// The chart has a title and a description; the table next to it carries the same numbers as text.
import { ScrollRegion } from "./scroll-region";
export interface BarSeries {
  name: string;
  className: string;
}

export interface BarChartProps {
  id: string;
  title: string;
  description: string;
  series: BarSeries[];
  /** Null: no value (nothing to measure), drawn as no bar and "—". */
  rows: { label: string; values: (number | null)[] }[];
  /** Format of the value printed at the end of each bar. */
  format?: (value: number) => string;
  max?: number;
}

const LABEL_WIDTH = 170;
const BAR_HEIGHT = 14;
const GAP = 10;
const WIDTH = 640;

export function BarChart({ id, title, description, series, rows, format = String, max }: BarChartProps) {
  const top = Math.max(1, max ?? Math.max(1, ...rows.flatMap((r) => r.values.map((v) => v ?? 0))));
  const rowHeight = series.length * BAR_HEIGHT + GAP;
  const legendHeight = 24;
  const height = legendHeight + rows.length * rowHeight + GAP;
  const plot = WIDTH - LABEL_WIDTH - 60;
  return (
    <figure className="chart">
      <ScrollRegion labelledBy={`${id}-caption`}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {series.map((s, i) => (
            <g key={s.name} transform={`translate(${LABEL_WIDTH + i * 180}, 4)`}>
              <rect width="12" height="12" className={s.className} />
              <text x="18" y="11" className="chart-legend">
                {s.name}
              </text>
            </g>
          ))}
          {rows.map((row, r) => {
            const y = legendHeight + r * rowHeight;
            return (
              <g key={row.label} transform={`translate(0, ${y})`}>
                <text x={LABEL_WIDTH - 8} y={(series.length * BAR_HEIGHT) / 2 + 4} textAnchor="end" className="chart-label">
                  {row.label}
                </text>
                {row.values.map((given, i) => {
                  const value = given ?? 0;
                  const w = Math.round((value / top) * plot);
                  return (
                    <g key={i}>
                      <rect x={LABEL_WIDTH} y={i * BAR_HEIGHT} width={Math.max(w, value > 0 ? 2 : 0)} height={BAR_HEIGHT - 2} className={series[i].className} />
                      <text x={LABEL_WIDTH + w + 4} y={i * BAR_HEIGHT + BAR_HEIGHT - 4} className="chart-value">
                        {given === null ? "—" : format(value)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </ScrollRegion>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
    </figure>
  );
}
