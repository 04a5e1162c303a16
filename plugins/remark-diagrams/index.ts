export { type CheckOptions, checkDiagrams, diagramTypes } from './lib/check-diagrams.ts';
export { measureText } from './lib/measure.ts';
export { type DiagramFigure, type Options, remarkDiagrams } from './lib/remark-diagrams.ts';
