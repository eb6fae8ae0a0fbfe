const TONES = {
  good: 'bg-emerald-50 text-emerald-800 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200',
  info: 'bg-sky-50 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200',
  attention: 'bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200',
  bad: 'bg-red-50 text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-200',
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-500/30 dark:bg-zinc-800 dark:text-zinc-200',
} as const;

export type TBadgeTone = keyof typeof TONES;

// A state in words (never colour alone), with a tint as a second cue.
export function StatusBadge({ label, tone }: { label: string; tone: TBadgeTone }) {
  return <span className={`inline-flex rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}>{label}</span>;
}
