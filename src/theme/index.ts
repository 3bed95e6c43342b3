/**
 * The few colours JavaScript needs (native dialogs, navigation bar). Everything styled in
 * SCSS reads the CSS variables in tokens.scss instead; keep the two in step.
 */
export const THEME = {
  primary: '#1a4fa3',
  danger: '#c0262d',
  textSecondary: '#4e5969',
  text: '#1f2329',
  surface: '#ffffff',
  primarySoft: '#e8eef8',
} as const;
