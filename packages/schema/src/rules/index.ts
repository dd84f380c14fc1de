import type { Rule } from '../rule.ts';
import { rule as activityObjectivesExist } from './activity-objectives-exist.ts';
import { rule as checkQuestionCount } from './check-question-count.ts';
import { rule as checkQuestionHasAnswer } from './check-question-has-answer.ts';
import { rule as checkQuestionHasReason } from './check-question-has-reason.ts';
import { rule as descriptiveLinkText } from './descriptive-link-text.ts';
import { rule as discussionHasExpected } from './discussion-has-expected.ts';
import { rule as glossaryTermDefined } from './glossary-term-defined.ts';
import { rule as headingIncrement } from './heading-increment.ts';
import { rule as idMatchesFileName } from './id-matches-file-name.ts';
import { rule as imageAltText } from './image-alt-text.ts';
import { rule as imageExists } from './image-exists.ts';
import { rule as linksResolve } from './links-resolve.ts';
import { rule as nestingDepth } from './nesting-depth.ts';
import { rule as noControlCharacters } from './no-control-characters.ts';
import { rule as noExternalImage } from './no-external-image.ts';
import { rule as noLinkOutsideCourse } from './no-link-outside-course.ts';
import { rule as noPageIdHeading } from './no-page-id-heading.ts';
import { rule as noPlaceholderText } from './no-placeholder-text.ts';
import { rule as noPredictableAnswers } from './no-predictable-answers.ts';
import { rule as noScaffoldPrompt } from './no-scaffold-prompt.ts';
import { rule as noUnsupportedScript } from './no-unsupported-script.ts';
import { rule as noPrerequisiteCycle } from './no-prerequisite-cycle.ts';
import { rule as noRawHtml } from './no-raw-html.ts';
import { rule as noUnclosedDirective } from './no-unclosed-directive.ts';
import { rule as noUnknownDirective } from './no-unknown-directive.ts';
import { rule as noUnsafeUrl } from './no-unsafe-url.ts';
import { rule as objectivePractised } from './objective-practised.ts';
import { rule as objectivesCount } from './objectives-count.ts';
import { rule as readableLearnerText } from './readable-learner-text.ts';
import { rule as prerequisiteExists } from './prerequisite-exists.ts';
import { rule as requiredSections } from './required-sections.ts';
import { rule as roleplayComplete } from './roleplay-complete.ts';
import { rule as segmentAttributes } from './segment-attributes.ts';
import { rule as segmentFacilitation } from './segment-facilitation.ts';
import { rule as segmentsSumToDuration } from './segments-sum-to-duration.ts';
import { rule as stepsSumToSegment } from './steps-sum-to-segment.ts';
import { rule as uniqueIds } from './unique-ids.ts';

/**
 * Every module rule that runs on a module's body or frontmatter, in the order their ids sort.
 * The engine's own checks and the plan rules are in the catalogue (catalogue.ts).
 * A rule id is permanent: never rename or reuse one.
 */
export const rules: readonly Rule[] = [
  activityObjectivesExist,
  checkQuestionCount,
  checkQuestionHasAnswer,
  checkQuestionHasReason,
  descriptiveLinkText,
  discussionHasExpected,
  glossaryTermDefined,
  headingIncrement,
  idMatchesFileName,
  imageAltText,
  imageExists,
  linksResolve,
  nestingDepth,
  noControlCharacters,
  noExternalImage,
  noLinkOutsideCourse,
  noPageIdHeading,
  noPlaceholderText,
  noPredictableAnswers,
  noScaffoldPrompt,
  noUnsupportedScript,
  noPrerequisiteCycle,
  noRawHtml,
  noUnclosedDirective,
  noUnknownDirective,
  noUnsafeUrl,
  objectivePractised,
  objectivesCount,
  readableLearnerText,
  prerequisiteExists,
  requiredSections,
  roleplayComplete,
  segmentAttributes,
  segmentFacilitation,
  segmentsSumToDuration,
  stepsSumToSegment,
  uniqueIds,
];
