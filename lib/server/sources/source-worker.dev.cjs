// Outside a production build (tests, scripts, `next dev`), piscina loads this file, which compiles
// the TypeScript worker with tsx; a production build loads .next/workers/source-worker.cjs instead.
require("tsx/cjs/api").register();
module.exports = require("./source-worker.ts");
