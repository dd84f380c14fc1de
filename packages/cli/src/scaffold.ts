import { SCAFFOLD_PROMPTS as P } from '@frontline/schema';

/** The text of a new module: every required part present, each with a prompt to replace
 * (`no-scaffold-prompt` reports any prompt left in place). */
export function scaffoldModule(input: { id: string; title: string; audience: string; today: string }): string {
  const title = input.title.replaceAll('"', '\\"');
  return `---
id: ${input.id}
title: "${title}"
summary: >-
  ${P.summary}
audience: [${input.audience}]
level: foundation
duration: 60
objectives:
  - id: first-objective
    text: ${P.objective1}
  - id: second-objective
    text: ${P.objective2}
  - id: third-objective
    text: ${P.objective3}
prerequisites: []
version: 0.1.0
updated: ${input.today}
groupSize: { min: 6, max: 16 }
materials:
  - Printed participant handout, one per person
roomSetup: Tables for groups of three or four.
preparation:
  - task: Print the participant handouts.
    lead: 2 days
---

${P.introduction}

::segment[Opening]{minutes=10 method=presentation}

:::facilitator[Purpose]
${P.openingPurpose}
:::

${P.opening}

:::facilitator[How to run it]
${P.openingNote}
:::

:::facilitator[Transition]
${P.openingTransition}
:::

::segment[Practice]{minutes=30 method=discussion}

:::facilitator[Purpose]
${P.practicePurpose}
:::

::::discussion[Talk it through]{objectives="first-objective second-objective"}
${P.discussion}

:::expected
${P.expected}
:::
::::

:::handout[Worksheet]
${P.worksheet}

::writing-space{lines=6}
:::

:::facilitator[Transition]
${P.practiceTransition}
:::

::segment[Check and close]{minutes=20 method=check}

:::facilitator[Purpose]
${P.closePurpose}
:::

:::check
::question[${P.question1}]{objective=first-objective}

- [x] ${P.correct}
- [ ] ${P.wrong}
- [ ] ${P.wrong2}

Reason: ${P.reason}

::question[${P.question2}]{objective=second-objective}

- [ ] ${P.wrong}
- [x] ${P.correct}
- [ ] ${P.wrong2}

Reason: ${P.reason}

::question[${P.question3}]{objective=third-objective}

- [ ] ${P.wrong}
- [ ] ${P.wrong2}
- [x] ${P.correct}

Reason: ${P.reason}
:::

:::takeaways
- ${P.takeaway1}
- ${P.takeaway2}
- ${P.takeaway3}
:::
`;
}
