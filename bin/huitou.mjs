#!/usr/bin/env node
// The command line is TypeScript sharing the page's modules; tsx compiles it on load, so
// `npx huitou` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
