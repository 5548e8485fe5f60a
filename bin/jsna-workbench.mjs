#!/usr/bin/env node
// The command-line entry point (`npx jsna-workbench calc ...`, `npm run calc -- ...`).
// The TypeScript sources run through tsx's loader, so the CLI needs no build step and uses
// exactly the same shared/ code as the app.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
