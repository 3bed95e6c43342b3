/**
 * A node test environment whose process runs in Los Angeles time, for tests proving that
 * booking follows Beijing whatever the machine's time zone. TZ must change in the worker's real
 * process (a test file only sees a copy of process.env); it is put back when the file is done.
 */
const { TestEnvironment } = require('jest-environment-node');

class LosAngelesEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.previousTimeZone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
  }

  async teardown() {
    if (this.previousTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = this.previousTimeZone;
    await super.teardown();
  }
}

module.exports = LosAngelesEnvironment;
