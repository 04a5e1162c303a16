// Scroll-spy for the contents beside a page: the link of the section being read is marked
// (`aria-current="location"`): the last heading that has passed the top quarter of the screen.
export {};
const sections = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')]
  .map((link) => ({ link, heading: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
  .filter((section): section is { link: HTMLAnchorElement; heading: HTMLElement } => section.heading !== null);
let frame = 0;

function mark(): void {
  frame = 0;
  const line = innerHeight / 4;
  const passed = sections.filter((section) => section.heading.getBoundingClientRect().top <= line).at(-1);
  for (const { link } of sections) {
    if (link === passed?.link) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  }
}

if (sections.length) {
  addEventListener('scroll', () => (frame ||= requestAnimationFrame(mark)), { passive: true });
  mark();
}
