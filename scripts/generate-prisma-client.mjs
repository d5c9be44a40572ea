// Runs `prisma generate` after `npm install`. The Prisma CLI insists on locating its native schema
// engine even for `generate`, which never runs it; the engine cannot be downloaded on offline
// machines, so point the CLI at any existing file (see docs/ARCHITECTURE.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
const prisma = "node_modules/prisma/build/index.js";
if (!existsSync(prisma)) process.exit(0);
const result = spawnSync(process.execPath, [prisma, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
