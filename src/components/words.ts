const spelled: Record<string, string> = { 'on-site-immersion': 'On-site immersion' };

/** `virtual-cohort` -> `Virtual cohort`: enum values and free words as a reader says them. */
export function words(value: string): string {
  const spaced = spelled[value] ?? value.replace(/-/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
