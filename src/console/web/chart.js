// Charts drawn as inline SVG with DOM calls: no chart library, no markup strings.
import { s } from './dom.js';

export const COLORS = ['#0b5cad', '#d55e00', '#007a5a', '#b0287d', '#8a6d00', '#2a7fb8', '#1b1f24', '#8c564b'];
const WIDTH = 380;
const HEIGHT = 170;
const LEFT = 40;
const RIGHT = 10;
const TOP = 10;
const BOTTOM = 24;

function round(value) {
  return Math.round(value * 100) / 100;
}

function scale(values) {
  const finite = values.filter((value) => Number.isFinite(value));
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (finite.length === 0) [low, high] = [0, 1];
  if (low === high) [low, high] = [low - 1, high + 1];
  return { low, high, y: (value) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - low) / (high - low)) };
}

/**
 * A line per user over the days; each point is a focusable circle that `onPick` hears.
 * series: [{ user, label, color, values: [number | undefined per day] }]
 */
export function lineChart({ metric, days, series, onPick }) {
  const { low, high, y } = scale(series.flatMap((line) => line.values));
  const x = (index) => LEFT + ((WIDTH - LEFT - RIGHT) * index) / Math.max(1, days.length - 1);
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: 'group',
    'aria-label': `${metric} per day`,
  });
  svg.append(
    s('line', { x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH - RIGHT, y2: HEIGHT - BOTTOM, stroke: '#8b949e' }),
    s('line', { x1: LEFT, y1: TOP, x2: LEFT, y2: HEIGHT - BOTTOM, stroke: '#8b949e' }),
    s('text', { x: LEFT - 4, y: TOP + 8, 'text-anchor': 'end' }, String(round(high))),
    s('text', { x: LEFT - 4, y: HEIGHT - BOTTOM, 'text-anchor': 'end' }, String(round(low))),
    s('text', { x: LEFT, y: HEIGHT - 6 }, days[0] ?? ''),
    s('text', { x: WIDTH - RIGHT, y: HEIGHT - 6, 'text-anchor': 'end' }, days.at(-1) ?? ''),
  );
  for (const line of series) {
    const points = line.values.map((value, index) => (value === undefined ? undefined : [x(index), y(value)]));
    // A day without stats breaks the line rather than joining across it.
    let path = '';
    let open = false;
    for (const point of points) {
      if (point === undefined) open = false;
      else {
        path += `${open ? 'L' : 'M'}${round(point[0])} ${round(point[1])} `;
        open = true;
      }
    }
    svg.append(s('path', { d: path.trim() || 'M0 0', fill: 'none', stroke: line.color, 'stroke-width': 1.5 }));
    line.values.forEach((value, index) => {
      if (value === undefined) return;
      const circle = s('circle', {
        cx: round(x(index)),
        cy: round(y(value)),
        r: 3.5,
        fill: line.color,
        tabindex: '0',
        role: 'button',
        'aria-label': `${line.label}, ${days[index]}: ${metric} ${value}`,
        'data-user': line.user,
        'data-day': days[index],
        'data-metric': metric,
        'data-value': String(value),
      });
      const pick = () => onPick({ user: line.user, label: line.label, day: days[index], metric, value });
      circle.addEventListener('click', pick);
      circle.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          pick();
        }
      });
      circle.append(s('title', {}, `${line.label}, ${days[index]}: ${value}`));
      svg.append(circle);
    });
  }
  return svg;
}

/** How the account's users spread over a metric, with the chosen users' values marked. */
export function histogram({ metric, values, marks, bins = 20 }) {
  const finite = values.filter((value) => Number.isFinite(value));
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    width: WIDTH,
    height: HEIGHT,
    role: 'img',
    'aria-label': `${metric}: distribution over ${finite.length} users`,
  });
  if (finite.length === 0) return svg;
  let low = Math.min(...finite);
  let high = Math.max(...finite);
  if (low === high) [low, high] = [low - 1, high + 1];
  const counts = new Array(bins).fill(0);
  for (const value of finite) counts[Math.min(bins - 1, Math.floor(((value - low) / (high - low)) * bins))] += 1;
  const most = Math.max(...counts);
  const x = (value) => LEFT + ((WIDTH - LEFT - RIGHT) * (value - low)) / (high - low);
  const barWidth = (WIDTH - LEFT - RIGHT) / bins;
  counts.forEach((count, index) => {
    const height = ((HEIGHT - TOP - BOTTOM) * count) / most;
    svg.append(
      s(
        'rect',
        {
          x: round(LEFT + index * barWidth),
          y: round(HEIGHT - BOTTOM - height),
          width: round(barWidth - 1),
          height: round(height),
          fill: '#9fb3c8',
        },
        s('title', {}, `${count} users`),
      ),
    );
  });
  svg.append(
    s('line', { x1: LEFT, y1: HEIGHT - BOTTOM, x2: WIDTH - RIGHT, y2: HEIGHT - BOTTOM, stroke: '#8b949e' }),
    s('text', { x: LEFT, y: HEIGHT - 6 }, String(round(low))),
    s('text', { x: WIDTH - RIGHT, y: HEIGHT - 6, 'text-anchor': 'end' }, String(round(high))),
    s('text', { x: LEFT - 4, y: TOP + 8, 'text-anchor': 'end' }, String(most)),
  );
  for (const mark of marks) {
    if (!Number.isFinite(mark.value)) continue;
    svg.append(
      s(
        'line',
        {
          x1: round(x(mark.value)),
          y1: TOP,
          x2: round(x(mark.value)),
          y2: HEIGHT - BOTTOM,
          stroke: mark.color,
          'stroke-width': 2,
        },
        s('title', {}, `${mark.label}: ${mark.value}`),
      ),
    );
  }
  return svg;
}
