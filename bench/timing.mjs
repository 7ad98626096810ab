// The timing method of the peer benchmark (shared/bench-peer/bench.mjs), for groups of operations
// that are not `validate(provider, request)`: per (group, contender) a warm-up that calibrates an
// iteration count of >= minMs, then `reps` repetitions in which the contenders of one group run
// in `slices` interleaved slices (so the machine's drift hits them alike). Reported per contender:
// the median ns per call, min, max, and the ratio to the group's first contender (the median of
// the per-repetition ratios). Each contender gets its own compiled loop (its own call-site feedback).

let sink = 0;

function makeLoop(tag, nargs) {
  const params = Array.from({ length: nargs }, (_, i) => `a${i}`);
  // The comment makes each loop a distinct function (no shared compilation / feedback).
  return new Function("fn", ...params, "iters", `// ${tag}
    let s = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iters; i++) {
      const r = fn(${params.join(", ")});
      if (r !== undefined && r !== null) s++;
    }
    const t1 = process.hrtime.bigint();
    return [Number(t1 - t0), s];`);
}

function run(m, iters) {
  const [ns, s] = m.loop(m.c.fn, ...m.c.args, iters);
  sink += s;
  return ns;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};

/**
 * groups: [{ id, label, contenders: [{ name, fn, args: [] }] }]
 * returns: [{ group, label, name, median_ns, min_ns, max_ns, ratio_to_first, samples_ns }]
 */
export function timeGroups(groups, { minMs = 250, reps = 5, warmupMs = 150, slices = 10, log = () => {} } = {}) {
  const minNs = minMs * 1e6;
  const warmNs = warmupMs * 1e6;
  const ms = [];
  for (const g of groups) {
    for (const c of g.contenders) {
      const m = { g, c, loop: makeLoop(`${g.id}:${c.name}`, c.args.length), samples: [] };
      let iters = 8, total = 0, done = 0;
      while (total < warmNs) {
        const ns = run(m, iters);
        total += ns; done += iters;
        if (ns < warmNs / 4) iters *= 2;
      }
      m.iters = Math.ceil((minNs * 1.1) / (total / done));
      ms.push(m);
    }
  }
  for (let rep = 0; rep < reps; rep++) {
    for (const g of groups) {
      const group = ms.filter((m) => m.g === g);
      for (const m of group) { m.ns = 0; m.done = 0; }
      while (group.some((m) => m.ns < minNs)) {
        for (const m of group) {
          if (m.ns >= minNs) continue;
          const n = Math.ceil(m.iters / slices);
          m.ns += run(m, n);
          m.done += n;
        }
      }
      for (const m of group) {
        m.samples.push(m.ns / m.done);
        m.iters = Math.max(m.iters, m.done);
      }
    }
    log(`repetition ${rep + 1}/${reps} done`);
  }
  return ms.map((m) => {
    const base = ms.find((b) => b.g === m.g);
    return {
      group: m.g.id, label: m.g.label, name: m.c.name,
      median_ns: median(m.samples), min_ns: Math.min(...m.samples), max_ns: Math.max(...m.samples),
      ratio_to_first: median(m.samples.map((x, i) => x / base.samples[i])),
      samples_ns: m.samples,
    };
  });
}

export function checksum() {
  return sink;
}

export const fmtNs = (n) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toFixed(1));
