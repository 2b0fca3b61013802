// Under tsx (tests, development) the pool's workers start here: Node 20 does not hand --import
// loaders to worker threads, so this registers tsx in the thread and then loads the TypeScript worker.
// The built server (dist/) never uses this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const worker = await import(workerData.worker);
export default worker.default;
