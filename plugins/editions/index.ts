export { editionChanges, isUnchanged, previousEdition, type DevelopsChange, type EditionChanges, type Renamed, type TargetsChange } from './lib/changes.ts';
export { CutRefused, cutEdition, type CutOptions, type CutResult } from './lib/cut.ts';
export { runCutCommand, type CutOutcome } from './lib/cut-cli.ts';
