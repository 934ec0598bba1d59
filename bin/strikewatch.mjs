#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx strikewatch` works from a clone without a
// separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../shared/cli/main.ts');
