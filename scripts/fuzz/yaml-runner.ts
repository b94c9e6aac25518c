import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { YamlJob, YamlResult } from './yaml-worker.js';

const WORKER = join(import.meta.dirname, 'yaml-worker.ts');

/**
 * A pool of yaml-worker processes. A job that outlives `timeoutMs` is a hang: its worker is killed and replaced, and
 * the job comes back as `hang`. A worker that dies (out of memory, a native crash) fails its job as `died`.
 */
export class YamlPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];
  private readonly all = new Set<Worker>();

  constructor(
    private readonly size: number,
    private readonly timeoutMs: number,
  ) {}

  async run(job: YamlJob): Promise<YamlResult | 'hang' | { died: string }> {
    const worker = await this.acquire();
    try {
      const result = await worker.run(job, this.timeoutMs);
      if (result === 'hang' || 'died' in result) this.replace(worker);
      return result;
    } finally {
      this.release(worker);
    }
  }

  close(): void {
    for (const worker of this.all) worker.kill();
  }

  private async acquire(): Promise<Worker> {
    const free = this.idle.pop();
    if (free !== undefined) return free;
    if (this.all.size < this.size) {
      const worker = await Worker.start();
      this.all.add(worker);
      return worker;
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(worker: Worker): void {
    const target = this.all.has(worker) ? worker : undefined;
    if (target === undefined) return;
    const next = this.waiting.shift();
    if (next !== undefined) next(target);
    else this.idle.push(target);
  }

  private replace(worker: Worker): void {
    worker.kill();
    this.all.delete(worker);
  }
}

class Worker {
  private constructor(private readonly child: ChildProcess) {}

  static start(): Promise<Worker> {
    const child = fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    child.stderr?.resume();
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new Worker(child)));
      child.once('exit', (code) => reject(new Error(`The YAML worker ended (exit ${code ?? '?'}) before it was ready; run npm run build first.`)));
    });
  }

  run(job: YamlJob, timeoutMs: number): Promise<YamlResult | 'hang' | { died: string }> {
    return new Promise((resolve) => {
      const done = (result: YamlResult | 'hang' | { died: string }): void => {
        clearTimeout(timer);
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
        resolve(result);
      };
      const onMessage = (message: YamlResult): void => {
        if (message.id === job.id) done(message);
      };
      const onExit = (code: number | null, signal: string | null): void => done({ died: `worker ended with ${signal ?? `exit ${code ?? '?'}`}` });
      const timer = setTimeout(() => done('hang'), timeoutMs);
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
      this.child.send(job);
    });
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}
