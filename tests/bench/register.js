// Kept for the npm scripts and anything else that requires it: the hook lives in scripts/ts-register.js.
require('../../scripts/ts-register.js');
