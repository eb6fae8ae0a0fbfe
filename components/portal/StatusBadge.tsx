export type TBadgeTone = 'good' | 'info' | 'attention' | 'bad' | 'neutral';

/** A state as it is shown: its words, and the tint that goes with them. */
export type TShownStatus = { label: string; tone: TBadgeTone };

// A state in words (never colour alone), with a tint as a second cue (app/globals.css).
export function StatusBadge({ label, tone }: TShownStatus) {
  return <span className={`status-badge status-badge-${tone}`}>{label}</span>;
}
