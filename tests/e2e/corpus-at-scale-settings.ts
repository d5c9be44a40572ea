/**
 * Where the corpus-at-scale browser tests (issue 15) keep their corpus and run their own app: read by
 * playwright.config.ts (the project's address) as well as by the setup and the spec, so both agree. The
 * suite's own app and database (the 2-essay corpus other specs count on) are never touched.
 */

/** Essays in the corpus: the 2 corpus essays and SYNTHETIC_ESSAYS generated ones (issue 15 asks for 300). */
export const SCALE_CORPUS_ESSAYS = 300;
export const CORPUS_ESSAYS = ["000_1322acf3015bdc34", "001_dd40619b11185e85"] as const;
export const SYNTHETIC_ESSAYS = SCALE_CORPUS_ESSAYS - CORPUS_ESSAYS.length;
/** The synthetic corpus's seed: essay i of a seed is always the same text. */
export const SYNTHETIC_SEED = 1;

/** Everything kept between runs (git-ignored, like every data folder): the corpus folder, the database, the stamp. */
export const SCALE_ROOT = ".data/e2e-scale";
export const SCALE_CORPUS_DIR = `${SCALE_ROOT}/corpus`;
export const SCALE_DATA_DIR = `${SCALE_ROOT}/postgres`;
/** Written last, once every essay is ingested: the content hash the database was built from. */
export const SCALE_STAMP_FILE = `${SCALE_ROOT}/stamp`;

/** Ports of its own, next to the suite's (3100 and 54331) and ingest-while-serving's second app (3101). */
export const SCALE_APP_PORT = Number(process.env.E2E_SCALE_PORT ?? 3102);
export const SCALE_DB_PORT = Number(process.env.E2E_SCALE_DB_PORT ?? 54332);
export const SCALE_BASE_URL = `http://127.0.0.1:${SCALE_APP_PORT}`;
export const SCALE_DATABASE_URL = `postgresql://duizhao:duizhao-local@127.0.0.1:${SCALE_DB_PORT}/duizhao`;
