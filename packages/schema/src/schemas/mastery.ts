import { z } from 'zod';

/**
 * The score a learner needs to pass a module or a path in an LMS package: a whole percentage
 * of the knowledge-check questions answered correctly, 0 to 100. Left out, a package passes
 * only when every question is answered correctly (100). An LMS that sets its own mastery
 * score overrides this one. Its own file: only the LMS export reads it.
 */
export const MasterySchema = z.int().min(0).max(100).optional().meta({
  description:
    'LMS packages: the percentage of knowledge-check questions a learner must get right to pass, 0 to 100 (default 100). An LMS mastery score overrides it.',
});
