export type TBadgeTone = 'good' | 'info' | 'attention' | 'bad' | 'neutral';

// A state in words (never colour alone), with a tint as a second cue (app/globals.css).
export function StatusBadge({ label, tone }: { label: string; tone: TBadgeTone }) {
  return <span className={`status-badge status-badge-${tone}`}>{label}</span>;
}
