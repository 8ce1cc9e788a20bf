// Runs static/js/search.js under Node against an index folder, for
// mirror_test.go: reads queries (JSON array of {q, kind, year, topic}) on stdin, prints for each the
// URLs of the first page of results, what each result matched of each word, the answer's total, exactness,
// words and whether it is a near miss, and how many documents the query scored (Index.scored).
'use strict';
const fs = require('fs');
const path = require('path');
const search = require(path.resolve(process.argv[2]));
const dir = process.argv[3];
global.fetch = async (u) => {
  try {
    const text = fs.readFileSync(path.join(dir, u), 'utf8');
    return { ok: true, json: async () => JSON.parse(text) };
  } catch (e) {
    return { ok: false, status: 404 };
  }
};
(async () => {
  const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
  const ix = new search.Index('');
  await ix.open();
  const out = [];
  for (const q of queries) {
    const scored = ix.scored;
    const a = await new search.Query(ix, q.q, { kind: q.kind, year: q.year, topic: q.topic }).run(10);
    out.push({
      urls: a.results.map((r) => r.rec.u),
      matched: a.results.map((r) => r.matched.map((m) => (m ? m.join('') : ''))),
      total: a.total, exact: a.exact, nearMiss: a.nearMiss,
      words: a.words.map((w) => w.join('')),
      scored: ix.scored - scored,
    });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
