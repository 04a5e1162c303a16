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
  /** Two pages whose ids differ only in case or spaces, so that they would share a URL. */
  duplicateUrl: 'duplicate-url',
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
  /** A link to a folder without an `index` page is a `broken-page-link`; this is an image a browser cannot show. */
  invalidImage: 'invalid-image',
  imageWithoutAlt: 'image-without-alt',
  /** An image or embed from a host the Content-Security-Policy does not allow. */
  blockedByPolicy: 'blocked-by-policy',
  notPublicReference: 'reference-not-public',
  // body syntax
  /** A container directive (`:::notes`) that is not one of the callouts. */
  unknownCallout: 'unknown-callout',
  /** A body's leading `# Heading` that is not the page's title. */
  headingNotTitle: 'heading-not-title',
  /** `{% include %}`, `{{ site.x }}`, `{{< shortcode >}}`: another generator's template syntax. */
  templateSyntax: 'template-syntax',
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
