// Plans a guides build in its own short-lived process (see buildGuides): reads and validates
// the course, encodes every document's data, sends the plan back and exits, handing the
// memory of the parsed course back to the system before typesetting starts.
import { planJobs, type PlanOptions } from './plan.ts';

process.once('message', (options: PlanOptions) => {
  try {
    process.send?.({ plan: planJobs(options) }, () => process.disconnect());
  } catch (error) {
    process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.disconnect());
  }
});
