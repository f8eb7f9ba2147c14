/** The pairing lives in stats/paired.ts, shared with the judgements (which rebuild pairs from result files). */
export { pairedLogRatios, pairedRatio, type PairedRatio } from '../stats/paired.js';
