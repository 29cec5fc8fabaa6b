import { useId } from 'react';

export type Bar = { label: string; value: number };

/**
 * Horizontal SVG bars: one image with a title for assistive technology (the table beside it
 * carries the same numbers); each bar's value is written at its end, colour is not the only cue.
 */
export function BarChart({ title, bars, format = String }: { title: string; bars: Bar[]; format?(n: number): string }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 26;
  // room for the longest label (about 7 px a character at 13 px), so none is cut at the left
  const labelWidth = Math.min(480, Math.max(120, ...bars.map((b) => b.label.length * 7 + 12)));
  const width = labelWidth + 380;
  const barSpace = width - labelWidth - 80;
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-labelledby={`${id}-title`}
      viewBox={`0 0 ${width} ${Math.max(1, bars.length) * row + 4}`}
      width="100%"
    >
      <title id={`${id}-title`}>{title}</title>
      {bars.map((b, i) => (
        <g key={b.label} transform={`translate(0 ${i * row + 2})`}>
          <text x={labelWidth - 8} y={row / 2 + 4} textAnchor="end" fontSize="13">
            {b.label}
          </text>
          <rect x={labelWidth} y={3} width={(b.value / max) * barSpace} height={row - 8} className="bar" />
          <text x={labelWidth + (b.value / max) * barSpace + 6} y={row / 2 + 4} fontSize="13">
            {format(b.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** The chart's numbers as a table: the accessible alternative, also for copying. */
export function BarTable({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: string[];
  rows: (string | number)[][];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.join('|')}>
            {r.map((c, i) =>
              i === 0 ? (
                <th scope="row" key={headers[i]}>
                  {c}
                </th>
              ) : (
                <td key={headers[i]}>{c}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
