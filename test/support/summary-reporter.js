'use strict';

const fs = require('fs');

/**
 * Jest reporter that ends the run with one machine-readable line:
 *   jest: <passed> passed, <failed> failed[, <skipped> skipped]
 *
 * Jest always runs its own summary reporter after custom ones, so the line is
 * written from the process 'exit' event (synchronously) to really be last.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const parts = [`${results.numPassedTests} passed`, `${results.numFailedTests} failed`];
    if (results.numPendingTests > 0) parts.push(`${results.numPendingTests} skipped`);
    // Leading newline: the line must stand alone even if earlier output lacks a trailing one.
    const line = `\njest: ${parts.join(', ')}\n`;
    if (!this.line) process.once('exit', () => fs.writeSync(1, this.line));
    this.line = line; // watch mode: report the latest run
  }
}

module.exports = SummaryReporter;
