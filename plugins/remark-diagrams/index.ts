export { measureText, useFonts } from './lib/measure.ts';
export { type DiagramFigure, type Options, remarkDiagrams } from './lib/remark-diagrams.ts';
export { targetProfileFigure, targetProfileHtml } from './lib/profile.ts';
