const spelled: Record<string, string> = { 'on-site-immersion': 'On-site immersion' };
/** Words that are initials, as readers write them: `ld-editors` is "L&D editors". */
const initials: Record<string, string> = { ld: 'L&D', hr: 'HR', hrbp: 'HRBP', it: 'IT', ceo: 'CEO', cfo: 'CFO', coo: 'COO', cpo: 'CPO', md: 'MD', mds: 'MDs', roi: 'ROI', dei: 'DEI', esg: 'ESG' };

/** `virtual-cohort` -> `Virtual cohort`: enum values and free words as a reader says them. */
export function words(value: string): string {
  const spaced = spelled[value] ?? value.split('-').map((word) => initials[word] ?? word).join(' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
