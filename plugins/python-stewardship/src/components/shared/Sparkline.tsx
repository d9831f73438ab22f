/** A small inline chart of scores (0-100), oldest first. */
export function Sparkline(props: {
  values: readonly number[];
  width?: number;
  height?: number;
  label?: string;
}) {
  const { values, width = 80, height = 20 } = props;
  const label =
    props.label ??
    (values.length > 0
      ? `Score trend over ${values.length} results: ${values[0]} to ${
          values[values.length - 1]
        }`
      : 'No score history yet');
  if (values.length === 0) {
    return (
      <span aria-label={label} role="img">
        –
      </span>
    );
  }
  const pad = 2;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) =>
    pad + (height - 2 * pad) * (1 - Math.max(0, Math.min(100, v)) / 100);
  const points = values
    .map((v, i) => `${(pad + i * step).toFixed(1)},${y(v).toFixed(1)}`)
    .join(' ');
  const last = values[values.length - 1];
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <polyline
        points={points}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
      <circle
        cx={pad + (values.length - 1) * step}
        cy={y(last)}
        r={2}
        fill="currentColor"
      />
    </svg>
  );
}
