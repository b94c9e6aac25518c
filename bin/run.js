#!/usr/bin/env node
// The published entry point: oclif finds the compiled commands under dist/cli/commands.
import { execute } from '@oclif/core';

await execute({ dir: import.meta.url });
