#!/usr/bin/env node
/**
 * Runs a command and prints, when it ends, the peak of the resident memory of its whole process
 * tree, summed (`BENCH-TREE-PEAK <kB>`), sampled every 200 ms from /proc. GNU time gives the
 * largest single process; a build whose compile runs in child processes (src/compiler/workers.ts)
 * uses the memory of all of them at once, and that is what a machine must have.
 *
 * Usage: node scripts/bench/tree-peak.ts <command> [arguments…]; exits with the command's code.
 * TREE_PEAK_LOG=<file> also writes every sample there (seconds, kB of the tree, kB of its largest
 * process), to see which stage of a build sets the peak.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** The resident memory of `root` and every process below it, kB (0 where /proc cannot be read). */
function treeRss(root: number): { tree: number; largest: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  let names: string[];
  try {
    names = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return { tree: 0, largest: 0 };
  }
  for (const name of names) {
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      const siblings = children.get(parent);
      if (siblings) siblings.push(Number(name));
      else children.set(parent, [Number(name)]);
    } catch {
      // The process ended while being read.
    }
  }
  let total = 0;
  let largest = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    largest = Math.max(largest, rss.get(pid) ?? 0);
    stack.push(...(children.get(pid) ?? []));
  }
  return { tree: total, largest };
}

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('Usage: node scripts/bench/tree-peak.ts <command> [arguments…]');
  process.exit(2);
}
const child = spawn(command, args, { stdio: 'inherit' });
const samples = process.env['TREE_PEAK_LOG'];
if (samples) writeFileSync(samples, '');
const started = performance.now();
let peak = 0;
const timer = setInterval(() => {
  const { tree, largest } = treeRss(child.pid!);
  peak = Math.max(peak, tree);
  if (samples) appendFileSync(samples, `${((performance.now() - started) / 1000).toFixed(1)} ${tree} ${largest}\n`);
}, 200);
child.on('exit', (code, signal) => {
  clearInterval(timer);
  console.error(`BENCH-TREE-PEAK ${peak}`);
  process.exit(code ?? (signal ? 1 : 0));
});
