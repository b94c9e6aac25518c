import type { Hook } from '@oclif/core';
import { closestNames } from '../../engine/util/suggest.js';

/**
 * A misspelt command (`crm-migrate aply`) without a terminal: @oclif/plugin-not-found only asks "did you mean" on a
 * terminal, so scripts and CI logs would say no more than "not a command". This names the closest commands there;
 * on a terminal the plugin's question is enough.
 */
const hook: Hook<'command_not_found'> = async function (options) {
  if (process.stdin.isTTY === true) return;
  const typed = options.id.split(':').join(' ');
  const commands = options.config.commands.filter((c) => !c.hidden).map((c) => c.id.split(':').join(' '));
  const close = closestNames(typed, commands);
  if (close.length > 0) process.stderr.write(`Did you mean ${close.map((c) => `"${options.config.bin} ${c}"`).join(' or ')}?\n`);
};

export default hook;
