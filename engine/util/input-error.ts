/**
 * Bad input or environment, not a bug in crm-migrate: an unreadable export file, a malformed engagement file, a
 * target that cannot be written. The engine throws it with what a person needs to act (the file, the line where
 * there is one, what to do); the CLI prints it without a stack trace and exits 2 (`invalid`: fix the input) or
 * 3 (`refused`: fix the environment or confirm something first), never 70.
 */
export class InputError extends Error {
  override readonly name: string = 'InputError';
  readonly kind: 'invalid' | 'refused';
  /** The file at fault, as the user named it or relative to the engagement folder. */
  readonly file: string | undefined;
  /** 1-based line in that file, where the problem has one. */
  readonly line: number | undefined;
  /** What to do about it, one sentence. */
  readonly hint: string | undefined;
  /** A stable code for machines (`csv/parse`, `yaml/syntax`, `io/disk-full`...). */
  readonly code: string;

  constructor(message: string, options: { code: string; kind?: 'invalid' | 'refused'; file?: string; line?: number; hint?: string }) {
    super(message);
    this.code = options.code;
    this.kind = options.kind ?? 'invalid';
    this.file = options.file;
    this.line = options.line;
    this.hint = options.hint;
  }

  /** `file:line: message Hint.` as a person reads it. */
  describe(): string {
    const where = this.file === undefined ? '' : `${this.file}${this.line === undefined ? '' : `:${this.line}`}: `;
    return `${where}${this.message}${this.hint === undefined ? '' : ` ${this.hint}`}`;
  }
}
