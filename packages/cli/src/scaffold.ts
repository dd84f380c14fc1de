/** The text of a new module: every required part present, each with a prompt to replace. */
export function scaffoldModule(input: { id: string; title: string; audience: string; today: string }): string {
  const title = input.title.replaceAll('"', '\\"');
  return `---
id: ${input.id}
title: "${title}"
summary: >-
  Say in one or two plain sentences what this module helps people do.
audience: [${input.audience}]
level: foundation
duration: 60
objectives:
  - id: first-objective
    text: State the first thing participants will be able to do, starting with a verb.
  - id: second-objective
    text: State the second thing participants will be able to do.
  - id: third-objective
    text: State the third thing participants will be able to do.
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

Write a short introduction for learners: why this topic matters at work.

::segment[Opening]{minutes=10 method=presentation}

Describe how the session opens and the situation it starts from.

:::facilitator[How to run it]
Explain to the facilitator how to run the opening and what to watch for.
:::

::segment[Practice]{minutes=30 method=discussion}

::::discussion[Talk it through]{objectives="first-objective second-objective"}
Write the question the groups discuss.

:::expected
List what good answers contain.
:::
::::

:::handout[Worksheet]
Write the worksheet instructions.

::writing-space{lines=6}
:::

::segment[Check and close]{minutes=20 method=check}

:::check
::question[Write the first question.]{objective=first-objective}

- [x] The correct option
- [ ] A wrong option
- [ ] Another wrong option

Reason: Explain why the correct option is right.

::question[Write the second question.]{objective=second-objective}

- [ ] A wrong option
- [x] The correct option
- [ ] Another wrong option

Reason: Explain why the correct option is right.

::question[Write the third question.]{objective=third-objective}

- [ ] A wrong option
- [ ] Another wrong option
- [x] The correct option

Reason: Explain why the correct option is right.
:::

:::takeaways
- Write the first thing to remember.
- Write the second thing to remember.
- Write the third thing to remember.
:::
`;
}
