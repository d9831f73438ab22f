import type { ScoreHistory } from '@internal/plugin-python-stewardship-common/browser';
import { formatDate } from '../shared';

/** Score over time as an inline SVG line chart (0-100 on the y axis). */
export function ScoreHistoryChart(props: {
  points: ScoreHistory['points'];
  width?: number;
  height?: number;
}) {
  const { points, width = 640, height = 180 } = props;
  if (points.length === 0) {
    return null;
  }
  const left = 36;
  const right = 12;
  const top = 10;
  const bottom = 28;
  const times = points.map(p => Date.parse(p.at));
  const minT = Math.min(...times);
  const maxT = Math.max(...times);
  const span = maxT - minT || 1;
  const x = (t: number) =>
    points.length === 1
      ? left + (width - left - right) / 2
      : left + ((t - minT) / span) * (width - left - right);
  const y = (score: number) =>
    top + (1 - score / 100) * (height - top - bottom);
  const path = points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${x(times[i]).toFixed(1)},${y(p.score).toFixed(
          1,
        )}`,
    )
    .join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width }}
      role="img"
      aria-label={`Score history: ${first.score} on ${formatDate(first.at)}, ${
        last.score
      } on ${formatDate(last.at)}, ${points.length} results`}
    >
      {[0, 50, 100].map(v => (
        <g key={v}>
          <line
            x1={left}
            x2={width - right}
            y1={y(v)}
            y2={y(v)}
            stroke="currentColor"
            strokeOpacity={0.15}
          />
          <text
            x={left - 6}
            y={y(v) + 4}
            fontSize={11}
            textAnchor="end"
            fill="currentColor"
          >
            {v}
          </text>
        </g>
      ))}
      <text x={left} y={height - 8} fontSize={11} fill="currentColor">
        {formatDate(first.at)}
      </text>
      <text
        x={width - right}
        y={height - 8}
        fontSize={11}
        textAnchor="end"
        fill="currentColor"
      >
        {formatDate(last.at)}
      </text>
      <path d={path} fill="none" stroke="#1f77b4" strokeWidth={2} />
      {points.map((p, i) => (
        <circle key={i} cx={x(times[i])} cy={y(p.score)} r={3} fill="#1f77b4">
          <title>{`${formatDate(p.at)}: ${p.score} (${p.level})`}</title>
        </circle>
      ))}
    </svg>
  );
}
