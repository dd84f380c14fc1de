// Lists a guides build's jobs in its own short-lived process (see buildGuides): reads and validates
// the course, encodes every document's data, sends the job list back and exits, handing the
// memory of the parsed course back to the system before typesetting starts.
import { listJobs, type JobListOptions } from './jobs.ts';

process.once('message', (options: JobListOptions) => {
  try {
    process.send?.({ jobs: listJobs(options) }, () => process.disconnect());
  } catch (error) {
    process.send?.({ error: error instanceof Error ? error.message : String(error) }, () => process.disconnect());
  }
});
