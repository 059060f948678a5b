import type { Site } from './types.ts';

export function themeCss(colors: Site['colors']): string {
  return `:root{--primary:${colors.primary};--primary-dark:${colors.primaryDark};--accent:${colors.accent};--level-1:${colors.level1};--level-2:${colors.level2}}\n`;
}
