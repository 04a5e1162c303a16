/**
 * Every rule the checker reports, in one place, so that messages, tests and the
 * `--format json` output agree on the ids.
 */
export const ruleIds = {
  // files and syntax
  unreadableFile: 'unreadable-file',
  fileTooLarge: 'file-too-large',
  binaryFile: 'binary-file',
  invalidUtf8: 'invalid-utf8',
  symlink: 'symbolic-link',
  invalidFileName: 'invalid-file-name',
  invalidYaml: 'invalid-yaml',
  invalidMarkdown: 'invalid-markdown',
  tooDeep: 'too-deeply-nested',
  /** Code in an `.mdx` page that the MDX mode does not allow: imports, exports, expressions, components. */
  mdxCode: 'mdx-code',
  missingPlaybook: 'missing-playbook-folder',
  /** A bug in Trellis met while checking a file; reported on that file instead of a crash. */
  internalError: 'internal-error',
  // frontmatter
  missingRequiredField: 'missing-required-field',
  invalidFieldValue: 'invalid-field-value',
  unknownField: 'unknown-field',
  partnerWithoutEvaluation: 'partner-without-evaluation',
  externalWithoutPartner: 'external-without-partner',
  // identity
  duplicateId: 'duplicate-id',
  reservedId: 'reserved-id',
  // references
  unknownCompetency: 'unknown-competency',
  unknownPage: 'unknown-page-reference',
  metricsNotMeasurement: 'metrics-not-measurement',
  prerequisiteCycle: 'prerequisite-cycle',
  brokenPageLink: 'broken-page-link',
  brokenAnchor: 'broken-anchor',
  linkOutsideContent: 'link-outside-content',
  draftReference: 'reference-to-draft',
  notPublicReference: 'reference-not-public',
  // diagrams
  invalidDiagram: 'invalid-diagram',
  badFrameworkYaml: 'bad-framework-yaml',
  // raw HTML
  /** Raw HTML, or a link or image URL, that the sanitiser removes from the page. */
  unsafeHtml: 'unsafe-html',
  // dates and coverage
  reviewOverdue: 'review-overdue',
  contractExpired: 'contract-expired',
  uncoveredCompetency: 'uncovered-competency',
  // roles, levels and the practical fields of an initiative (format version 2)
  /** A `develops` item or a role target names a level its competency does not have. */
  unknownLevel: 'unknown-level',
  /** `grows_from` or a route diagram names a role that does not exist. */
  unknownRole: 'unknown-role',
  /** No published initiative develops a role's target competency to the target level. */
  unreachableTarget: 'unreachable-target',
  /** Every date in `intakes` has passed. */
  intakesPassed: 'intakes-passed',
  // editions
  invalidEdition: 'invalid-edition',
  interruptedCut: 'interrupted-cut',
  // what one file may hold, so that a check takes time in proportion to the content
  /** A paragraph holding more than the parser can read in time that grows with its length. */
  crowdedParagraph: 'crowded-paragraph',
} as const;

export type RuleId = (typeof ruleIds)[keyof typeof ruleIds];
