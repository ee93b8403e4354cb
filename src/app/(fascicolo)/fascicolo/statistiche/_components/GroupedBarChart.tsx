type Series = { name: string; values: number[]; look: "solid" | "hatched" };

interface GroupedBarChartProps {
  /** Unique on the page: prefixes the ids of the title, description and pattern. */
  id: string;
  title: string;
  /** What the chart shows in words, read by screen readers in place of the picture. */
  description: string;
  categories: string[];
  series: Series[];
  format: (value: number) => string;
  /** Writes each bar's value above it; off when the bars are too many to label. */
  valueLabels?: boolean;
}

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 76;
const TOP = 20;
const PLOT_WIDTH = WIDTH - LEFT - 8;
const PLOT_HEIGHT = 180;
const INK = "#1a1a1a";
const BAR = "#004080";

/**
 * A column chart of a few series over categories, as an image with its own
 * title and description: the series differ by fill (solid or hatched) and by
 * the legend's words, never by colour alone. The page puts the same numbers in
 * a table beside it.
 */
export function GroupedBarChart({ id, title, description, categories, series, format, valueLabels = true }: GroupedBarChartProps) {
  const max = Math.max(1, ...series.flatMap((one) => one.values));
  const group = PLOT_WIDTH / Math.max(1, categories.length);
  const bar = (group * 0.8) / series.length;
  const y = (value: number) => TOP + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT;
  // At most about 13 category labels, so that they never overlap.
  const labelEvery = Math.ceil(categories.length / 13);
  const fill = (one: Series) => (one.look === "solid" ? BAR : `url(#${id}-hatch)`);

  return (
    <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-3xl">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke={BAR} strokeWidth="3" />
        </pattern>
      </defs>
      {[0, max / 2, max].map((tick) => (
        <g key={tick}>
          <line x1={LEFT} x2={WIDTH - 8} y1={y(tick)} y2={y(tick)} stroke="#767676" strokeWidth={tick === 0 ? 1.5 : 0.5} />
          <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill={INK}>
            {format(tick)}
          </text>
        </g>
      ))}
      {categories.map((category, index) => (
        <g key={`${index}-${category}`}>
          {series.map((one, position) => {
            const value = one.values[index] ?? 0;
            const x = LEFT + index * group + group * 0.1 + position * bar;
            return (
              <g key={one.name}>
                <rect x={x} y={y(value)} width={bar} height={TOP + PLOT_HEIGHT - y(value)} fill={fill(one)} stroke={BAR} strokeWidth="1" />
                {valueLabels ? (
                  <text x={x + bar / 2} y={y(value) - 4} textAnchor="middle" fontSize="12" fill={INK}>
                    {format(value)}
                  </text>
                ) : null}
              </g>
            );
          })}
          {index % labelEvery === 0 ? (
            <text x={LEFT + index * group + group / 2} y={TOP + PLOT_HEIGHT + 16} textAnchor="middle" fontSize="12" fill={INK}>
              {category}
            </text>
          ) : null}
        </g>
      ))}
      {series.map((one, position) => (
        <g key={one.name} transform={`translate(${LEFT + position * 160}, ${HEIGHT - 24})`}>
          <rect width="16" height="16" fill={fill(one)} stroke={BAR} strokeWidth="1" />
          <text x="22" y="13" fontSize="13" fill={INK}>
            {one.name}
          </text>
        </g>
      ))}
    </svg>
  );
}
