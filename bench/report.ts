import { writeFileSync } from 'node:fs';

export type TMetric = {
  name: string;
  database: string;
  unit: string;
  value: number;
  /** The floor measured in the same run, when the metric is a ratio to one. */
  floor: number | null;
  ratio: number | null;
  /** The spread of the per-round ratios: the noise. */
  ratioRange: [number, number] | null;
  target: string;
  met: boolean;
};

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

/** The Markdown table on stdout and bench/results.json. */
export function report(metrics: TMetric[], path = 'bench/results.json'): void {
  const lines = [
    '| metric | database | value | floor | ratio (min–max) | target | met |',
    '|---|---|---|---|---|---|---|',
    ...metrics.map(
      (m) =>
        `| ${m.name} | ${m.database} | ${fmt(m.value)} ${m.unit} | ${m.floor === null ? '' : `${fmt(m.floor)} ${m.unit}`} | ${
          m.ratio === null ? '' : `${m.ratio.toFixed(2)}× (${m.ratioRange![0].toFixed(2)}–${m.ratioRange![1].toFixed(2)})`
        } | ${m.target} | ${m.met ? 'yes' : '**no**'} |`,
    ),
  ];
  console.log(lines.join('\n'));
  writeFileSync(path, JSON.stringify({ measuredAt: new Date().toISOString(), metrics }, null, 2) + '\n');
}
