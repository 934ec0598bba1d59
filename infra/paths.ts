import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Every path the infra code hands to CDK or esbuild is absolute and anchored here, so the app
// behaves the same whether run by `cdk` from the repo root, by vitest, or by the bench.
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FUNCTIONS_DIR = resolve(REPO_ROOT, 'functions');
