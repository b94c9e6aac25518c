/**
 * One status line on stderr, redrawn in place, for long phases. It draws nothing unless stderr is a terminal and the
 * command was not asked for JSON, so logs and pipes stay clean.
 */
export class Progress {
  private last = 0;

  constructor(private readonly enabled: boolean) {}

  update(text: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    process.stderr.write(`\r\u001b[2K${text}`);
  }

  done(): void {
    if (this.enabled) process.stderr.write('\r\u001b[2K');
  }
}
