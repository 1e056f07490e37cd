#!/usr/bin/env node
// Long fuzz run of the Bicep/Terraform readers (nightly style). Same cases and contract as
// test/unit/iac/iac-fuzz.test.ts, run in a child process so that a case that hangs is caught by a timer here
// and the child killed (a worker thread stuck in a blocking open, on a FIFO, cannot even be terminated). A case
// over 1 s is timed again at once and fails when it is slow twice (one slow run on a shared machine is the
// scheduler, two are the reader). A failing case prints its number and input;
// `--start <n> --cases 1` replays it.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD_FLAG = '--fuzz-child';

const USAGE = `usage: node scripts/fuzz-iac.mjs [--cases <n>] [--start <n>]

  --cases <n>  how many cases to run (default 10000)
  --start <n>  number of the first case (default 0); --start <n> --cases 1 replays case n
  --help       print this help

Exits 0 when every case passes, 1 when one crashes, hangs or is slow, 2 on a usage error.`;

/** A case slower than this (twice) is a failure. */
const SLOW_MS = 1_000;
/** No answer from the child for this long is a hang. */
const HANG_MS = 10_000;

function parseArgs(argv) {
  const out = { cases: 10_000, start: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') return { help: true };
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    if (name !== 'cases' && name !== 'start') return { error: `unknown argument '${a}'` };
    const v = argv[++i];
    if (v === undefined || !/^\d+$/.test(v)) return { error: `--${name} needs a whole number, not ${v === undefined ? 'nothing' : `'${v}'`}` };
    out[name] = Number(v);
  }
  if (out.cases < 1) return { error: '--cases must be at least 1' };
  return out;
}

if (process.argv[2] === CHILD_FLAG) {
  await childLoop(JSON.parse(process.argv[3]));
} else {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (args.error) {
    console.error(`fuzz-iac: ${args.error}\n\n${USAGE}`);
    process.exit(2);
  }
  runInChild(args);
}

function runInChild({ cases, start }) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'ppvnet-fuzz-'));
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, JSON.stringify({ cases, start, scratch })]);
  const t0 = Date.now();
  let current = { n: start, since: Date.now() };
  let slowest = { ms: 0, n: -1 };
  let disk = 0;
  const slow = [];
  const finish = (code, message) => {
    clearInterval(watchdog);
    child.kill('SIGKILL');
    if (message) (code === 0 ? console.log : console.error)(message);
    rmSync(scratch, { recursive: true, force: true });
    process.exit(code);
  };
  const watchdog = setInterval(() => {
    const waited = Date.now() - current.since;
    if (waited > HANG_MS) finish(1, `HUNG case ${current.n}: no answer for ${(waited / 1000).toFixed(0)} s; replay with --start ${current.n} --cases 1`);
  }, 250);
  child.on('message', (m) => {
    if (m.type === 'start') current = { n: m.n, since: Date.now() };
    else if (m.type === 'done') {
      current = { n: m.n + 1, since: Date.now() };
      if (m.disk) disk++;
      if (m.ms > slowest.ms) slowest = { ms: m.ms, n: m.n };
      if (m.ms > SLOW_MS) slow.push(m);
      const done = m.n - start + 1;
      if (done % 5_000 === 0) console.log(`${done} cases, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    } else if (m.type === 'failed') finish(1, `FAILED case ${m.n} (${m.name}): ${m.error}\n--- input ---\n${m.input}`);
    else if (m.type === 'end') {
      const summary = `${cases} cases (${disk} on disk) in ${((Date.now() - t0) / 1000).toFixed(1)} s; slowest case ${slowest.n}: ${slowest.ms.toFixed(1)} ms; crashes 0; hangs 0`;
      if (slow.length > 0) finish(1, `${summary}; SLOW (over ${SLOW_MS} ms twice): ${slow.map((s) => `case ${s.n} ${s.ms.toFixed(0)} ms`).join(', ')}`);
      else finish(0, `${summary}; none over ${SLOW_MS} ms`);
    }
  });
  child.on('exit', (code, signal) => finish(1, `FAILED case ${current.n}: the child process ended (${signal ?? `exit ${code}`}) before the run did`));
}

async function childLoop({ cases, start, scratch }) {
  const send = (m) => new Promise((resolve) => process.send(m, resolve));
  const { tsImport } = await import('tsx/esm/api');
  const harness = await tsImport('../test/unit/iac/fuzz-harness.ts', import.meta.url);
  const { sharedParsers } = await tsImport('../src/node/iac/tree-sitter-parsers.ts', import.meta.url);
  const parsers = await sharedParsers();
  const base = harness.seeds();
  const dir = path.join(scratch, 'case');
  for (let n = start; n < start + cases; n++) {
    const c = harness.mutate(base, n);
    process.send({ type: 'start', n });
    try {
      let { ms } = await harness.runAnyCase(parsers, c, dir);
      if (ms > SLOW_MS) ms = Math.min(ms, (await harness.runAnyCase(parsers, c, dir)).ms);
      process.send({ type: 'done', n, ms, disk: Boolean(c.special) });
    } catch (e) {
      await send({ type: 'failed', n, name: c.name, error: e instanceof Error ? e.stack : String(e), input: c.text.slice(0, 4000) });
      return;
    }
  }
  await send({ type: 'end' });
  // Wait to be killed: exiting by itself could race the parent reading 'end' and look like a crash.
  await new Promise(() => {});
}
