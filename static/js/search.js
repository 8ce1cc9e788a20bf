// Site search for gongkai: the browser half of generator/search.
//
// It reads the static index under /search/ (meta.json, shards/G/N.json,
// for common terms terms/G/N.json, their documents, and ranks/G/N.json,
// their postings in rank order in chunks, filters.json, docs/G/N.json,
// G = N/256, each docs file the records of meta.perFile consecutive
// documents) and never asks any other server. normalise(), queryTerms(),
// decodeChunk() and the Query mirror normalise.go, terms.go, rank.go and
// query.go step for step: the Go tests prove recall on the real index files
// with the Go copy, so a change here must be made there too.
(function () {
  'use strict';

  var DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_';
  // DIGIT_VAL[charCode] is the digit's value, -1 outside the alphabet: a
  // common term's list is tens of thousands of digits, read on a keystroke.
  var DIGIT_VAL = new Int8Array(128).fill(-1);
  for (var di = 0; di < DIGITS.length; di++) DIGIT_VAL[DIGITS.charCodeAt(di)] = di;
  function digitVal(s, i) { var c = s.charCodeAt(i); return c < 128 ? DIGIT_VAL[c] : -1; }
  var SHORT_WIN = 3;
  var LONG_WIN = 6;
  var PAGE = 10;
  var SNIPPET_RADIUS = 40;
  var NARROW_AT = 10; // query.go narrowAt
  var MEMBER_RATIO = 16; // query.go memberRatio
  var MIN_PART = 2; // query.go minPart
  var SYNONYM_PREFIX = '=', SYNONYM_SEP = '|'; // synonyms.go
  var MAX_COUNT = 7, CLASS_TITLE = 2, CLASS_NUMBER = 3; // write.go, doc.go
  function checkBudget(limit) { return 2 * limit; } // query.go checkBudget
  var LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
  // Go's unicode.IsSpace, so a query splits into the same words in both.
  var SPACE = /[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/u;

  // fold: see normalise.go. Takes and returns a code point, -1 for a separator. FOLD keeps the regex's answers for
  // the rest of the BMP (0 not asked yet, 1 a letter or number, 2 not): punctuation is in every sentence.
  var FOLD = new Uint8Array(0x10000);
  function fold(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c < 0x80) return (c >= 65 && c <= 90) ? c + 32 : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : -1;
    if (c >= 0x4E00 && c <= 0x9FEF) return c; // CJK ideographs, all letters: most of the text, so no regex
    if (c > 0xFFFF) return LETTER_OR_NUMBER.test(String.fromCodePoint(c)) ? c : -1;
    if (!FOLD[c]) FOLD[c] = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 2;
    return FOLD[c] === 1 ? c : -1;
  }

  // compact returns the searchable characters of s as a string (chars) and, for each UTF-16 unit of it, the offset
  // in s of the character it comes from (at, for highlighting): a string and a typed array, where an array of
  // one-character strings was most of the garbage a query made.
  var UTF16 = new TextDecoder('utf-16le');
  function compact(s) {
    var buf = new Uint16Array(s.length), at = new Int32Array(s.length), n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i), from = i;
      if ((c & 0xFC00) === 0xD800 && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00) c = (c - 0xD800) * 0x400 + s.charCodeAt(++i) - 0xDC00 + 0x10000;
      c = fold(c);
      if (c < 0) continue;
      if (c > 0xFFFF) { c -= 0x10000; at[n] = from; buf[n++] = 0xD800 + (c >> 10); c = 0xDC00 + (c & 0x3FF); }
      at[n] = from; buf[n++] = c;
    }
    return { chars: UTF16.decode(buf.subarray(0, n)), at: at };
  }

  function isASCII(ch) { return ch.codePointAt(0) < 0x80; }

  function queryWords(q) {
    var out = [], seen = new Set();
    q.split(SPACE).forEach(function (w) {
      var key = compact(w).chars, c = Array.from(key);
      if (c.length && !seen.has(key)) { seen.add(key); out.push(c); }
    });
    return out;
  }

  function cover(m, w) {
    var s = [];
    for (var i = 0; i + w <= m; i += w) s.push(i);
    if (s[s.length - 1] + w < m) s.push(m - w);
    return s;
  }

  // coverSpans, queryTerms and junctionTerms: see terms.go.
  function coverSpans(q) {
    var n = q.length, out = [];
    if (n === 0) return out;
    if (n === 1) return [[0, 1]];
    for (var i = 0; i < n;) {
      if (isASCII(q[i])) {
        var e = i;
        while (e < n && isASCII(q[e])) e++;
        var m = e - i;
        if (m >= SHORT_WIN) {
          var w = m >= LONG_WIN ? LONG_WIN : SHORT_WIN;
          cover(m, w).forEach(function (s) { out.push([i + s, i + s + w]); });
          i = e;
          continue;
        }
      }
      if (i + 1 < n) { out.push([i, i + 2]); i += 2; } else { out.push([n - 2, n]); i++; }
    }
    return out;
  }
  // synonymShardTerm: see synonyms.go. The shard of a word's first cover
  // term holds its equivalents.
  function synonymShardTerm(q) {
    var s = coverSpans(q)[0];
    return q.slice(s[0], s[1]).join('');
  }
  function partsOf(words, l) {
    var out = [], seen = new Set();
    words.forEach(function (w) {
      for (var i = 0; i + l <= w.length; i++) {
        var p = w.slice(i, i + l), key = p.join('');
        if (!seen.has(key)) { seen.add(key); out.push(p); }
      }
    });
    return out;
  }
  function queryTerms(q) {
    var out = [], seen = new Set();
    coverSpans(q).forEach(function (s) {
      var t = q.slice(s[0], s[1]).join('');
      if (!seen.has(t)) { seen.add(t); out.push(t); }
    });
    return out;
  }
  function junctionTerms(q) {
    var n = q.length, spans = coverSpans(q), seen = new Set(), out = [];
    spans.forEach(function (s) { seen.add(q.slice(s[0], s[1]).join('')); });
    for (var j = 1; j < n; j++) {
      var joined = spans.some(function (s) { return s[0] <= j - 1 && j < s[1]; });
      if (joined) continue;
      var from = j - 1, to = j + 1;
      if (isASCII(q[j - 1]) && isASCII(q[j])) {
        var s = j - 1, e = j;
        while (s > 0 && isASCII(q[s - 1])) s--;
        while (e < n && isASCII(q[e])) e++;
        if (e - s >= SHORT_WIN) {
          var w = e - s >= LONG_WIN ? LONG_WIN : SHORT_WIN;
          from = Math.min(Math.max(j - Math.floor(w / 2), s), e - w);
          to = from + w;
        }
      }
      var t = q.slice(from, to).join('');
      if (!seen.has(t)) { seen.add(t); out.push(t); }
    }
    return out;
  }

  // filePath: see write.go.
  function filePath(kind, n) { return kind + '/' + Math.floor(n / 256) + '/' + n + '.json'; }

  var encoder = new TextEncoder();
  function shardOf(term, shards) {
    var h = 0x811c9dc5;
    encoder.encode(term).forEach(function (b) { h = Math.imul(h ^ b, 0x01000193) >>> 0; });
    return h % shards;
  }

  function decodeNums(s) {
    var out = [], v = 0, shift = 0;
    for (var i = 0; i < s.length; i++) {
      var d = digitVal(s, i);
      if (d < 0) throw new Error('bad postings');
      if (d >= 32) { v += (d - 32) * Math.pow(2, shift); shift += 5; continue; }
      out.push(v + d * Math.pow(2, shift));
      v = 0; shift = 0;
    }
    return out;
  }

  // decodePostings: see encode.go. n id gaps, then n value digits.
  function decodePostings(s) {
    var ends = 0;
    for (var i = 0; i < s.length; i++) { var d = digitVal(s, i); if (d >= 0 && d < 32) ends++; }
    if (ends % 2) throw new Error('bad postings');
    var n = ends / 2, gaps = decodeNums(s.slice(0, s.length - n)), vals = decodeNums(s.slice(s.length - n));
    if (gaps.length !== n || vals.length !== n) throw new Error('bad postings');
    return { gaps: gaps, vals: vals };
  }

  // parseBigRef and decodeChunk: see rank.go.
  function parseBigRef(s) {
    var f = s.slice(1).split('.').map(Number);
    if (f.length !== 4 || f.some(function (n) { return !(n >= 0) || n % 1; })) throw new Error('bad reference ' + s);
    return { file: f[0], df: f[1], first: f[2], chunks: f[3] };
  }
  function decodeChunk(s) {
    var out = [], segs = s.split('.');
    if (s !== '' && segs[0] !== '') throw new Error('bad chunk');
    for (var k = 1; k < segs.length; k++) {
      var seg = segs[k], v = seg ? digitVal(seg, 0) : -1;
      if (v < 0 || v >= 32) throw new Error('bad chunk');
      var gaps = decodeNums(seg.slice(1)), id = -1;
      for (var i = 0; i < gaps.length; i++) { id += gaps[i] + 1; out.push({ id: id, v: v }); }
    }
    return out;
  }

  // Index: the files under base, fetched once each and kept.
  function Index(base) {
    this.base = base;
    this.files = new Map();
    this.entries = new Map();
    this.members = new Map();
    this.chunks = new Map();
    this.meta = null;
    this.filters = null;
    this.gen = 0;
    this.scored = 0; // bounds computed, for the test that common words score few
  }
  Index.prototype.get = function (path) {
    var p = this.files.get(path);
    if (!p) {
      p = fetch(this.base + path, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error(path + ': ' + r.status);
        return r.json();
      }).then(function (v) {
        sliceStart = now(); // a response is a task of its own: see pace
        return v;
      });
      this.files.set(path, p);
      var self = this;
      p.catch(function () { self.files.delete(path); });
    }
    return p;
  };
  Index.prototype.open = function () {
    var self = this;
    return this.get('meta.json').then(function (m) {
      if (m.format !== 6 || !(m.perFile >= 1)) throw new Error('index format ' + m.format);
      self.meta = m;
      self.lapsed = new Uint8Array(m.docs);
      self.seen = new Uint32Array(m.docs); // see candidates
      var id = -1;
      decodeNums(m.lapsed || '').forEach(function (g) { id += g + 1; self.lapsed[id] = 1; });
      return m;
    });
  };
  Index.prototype.shard = function (term) {
    return this.get(filePath('shards', shardOf(term, this.meta.shards)));
  };
  // equivalents: see query.go. The shard is already fetched by the word's
  // cover terms.
  Index.prototype.equivalents = function (w) {
    return this.shard(synonymShardTerm(w)).then(function (shard) {
      var e = shard[SYNONYM_PREFIX + w.join('')];
      return e ? e.split(SYNONYM_SEP).map(function (a) { return Array.from(a); }) : [];
    });
  };
  // entry: see query.go. A small term's postings (vals, id → value) or a
  // big term's files (big); kept decoded, so a source copies vals.
  Index.prototype.entry = function (term) {
    var self = this, cached = this.entries.get(term);
    if (cached) return Promise.resolve(cached);
    return this.shard(term).then(function (shard) {
      var list = shard[term] || '', e;
      if (list.charAt(0) === '*') e = { vals: null, big: parseBigRef(list) };
      else {
        var p = decodePostings(list), map = new Map(), id = -1;
        for (var i = 0; i < p.gaps.length; i++) { id += p.gaps[i] + 1; map.set(id, p.vals[i]); }
        e = { vals: map, big: null };
      }
      self.entries.set(term, e);
      return e;
    });
  };
  Index.prototype.membersOf = function (big) {
    var self = this, cached = this.members.get(big.file);
    if (cached) return Promise.resolve(cached);
    var path = filePath('terms', big.file);
    return this.get(path).then(function (list) {
      // A byte by document, not a Set: ten thousand ids, in a Set, were the most garbage a query of such terms made.
      var gaps = decodeNums(list), set = new Uint8Array(self.meta.docs), id = -1;
      for (var i = 0; i < gaps.length; i++) { id += gaps[i] + 1; set[id] = 1; }
      if (gaps.length !== big.df || id >= set.length) throw new Error(path + ': ' + gaps.length + ' documents');
      self.members.set(big.file, set);
      return set;
    });
  };
  Index.prototype.chunk = function (big, k) {
    var self = this, n = big.first + k, cached = this.chunks.get(n);
    if (cached) return Promise.resolve(cached);
    return this.get(filePath('ranks', n)).then(function (s) {
      var c = decodeChunk(s);
      self.chunks.set(n, c);
      return c;
    });
  };
  // record: the file is fetched once (get() keeps it) and holds its
  // neighbours' records too, which a later candidate may need.
  Index.prototype.record = function (id) {
    var per = this.meta.perFile;
    return this.get(filePath('docs', Math.floor(id / per))).then(function (recs) { return recs[id % per]; });
  };
  Index.prototype.year = function (id) {
    var y = 0;
    for (var i = 0; i < this.meta.years.length; i++) {
      if (this.meta.years[i][1] > id) break;
      y = this.meta.years[i][0];
    }
    return y;
  };
  // filters.json is fetched only when a kind or topic filter is chosen.
  Index.prototype.loadFilters = function (f) {
    var self = this;
    if (this.filters || (!f.kind && !f.topic)) return Promise.resolve();
    return this.get('filters.json').then(function (fl) { self.filters = fl; });
  };
  Index.prototype.keep = function (id, f) {
    var m = this.filters;
    if (f.kind && this.meta.kinds[DIGITS.indexOf(m.kind[id])] !== f.kind) return false;
    if (f.year && this.year(id) !== f.year) return false;
    if (f.topic) {
      var code = 0;
      for (var i = 0; i < m.topicWidth; i++) code = code * 64 + DIGITS.indexOf(m.topic[id * m.topicWidth + i]);
      if (code === 0 || this.meta.topics[code - 1] !== f.topic) return false;
    }
    return true;
  };

  // before: see rank in query.go.
  function byRank(a, b) { return before(a, b) ? -1 : 1; }
  function before(a, b) {
    if (a.words !== b.words) return a.words > b.words;
    if (a.exact !== b.exact) return a.exact > b.exact;
    if (a.valid !== b.valid) return a.valid > b.valid;
    if (a.cls !== b.cls) return a.cls > b.cls;
    if (a.literal !== b.literal) return a.literal > b.literal;
    if (a.count !== b.count) return a.count > b.count;
    return a.id < b.id;
  }

  // Sources, bounds and the stream of ranked postings: see source, addTerms,
  // contrib, bound, unseen, advance and candidates in query.go. A contrib
  // is an array [exact, valid, class, literal, count], compared in order.
  function live(s) { return !s.complete && s.read < s.stream.chunks; }
  Index.prototype.addTerms = function (s, terms) {
    var self = this;
    return Promise.all(terms.map(function (t) { return self.entry(t); })).then(function (es) {
      var bigs = [];
      es.forEach(function (e) {
        if (e.big) { bigs.push(e.big); return; }
        if (!s.complete) { s.complete = true; s.vals = new Map(e.vals); return; }
        var next = new Map();
        e.vals.forEach(function (v, id) {
          var old = s.vals.get(id);
          if (old !== undefined) next.set(id, Math.min(old >>> 2, v >>> 2) << 2 | Math.min(old & 3, v & 3));
        });
        s.vals = next;
      });
      bigs = bigs.map(function (b, i) { return [b, i]; }).sort(function (a, b) { return a[0].df - b[0].df || a[1] - b[1]; })
        .map(function (x) { return x[0]; });
      function more(i) {
        if (i === bigs.length) return Promise.resolve();
        var b = bigs[i];
        if (!s.complete && !s.stream) { s.stream = b; return more(i + 1); }
        if (s.complete && s.vals.size <= NARROW_AT) return Promise.resolve();
        var n = self.meta.docs;
        if (MEMBER_RATIO * Math.min(b.df, n - b.df) > n) return more(i + 1);
        return self.membersOf(b).then(function (m) {
          if (s.complete) s.vals.forEach(function (v, id) { if (!m[id]) s.vals.delete(id); });
          else if (!s.inSet) s.inSet = m.slice();
          else for (var id = 0; id < m.length; id++) s.inSet[id] &= m[id];
          return more(i + 1);
        });
      }
      return more(0);
    }).then(function () {
      if (s.complete && s.inSet) {
        s.vals.forEach(function (v, id) { if (!s.inSet[id]) s.vals.delete(id); });
        s.inSet = null;
      }
    });
  };
  Index.prototype.size = function (s, f) {
    var self = this, n = 0;
    if (s.complete) { s.vals.forEach(function (v, id) { if (self.keep(id, f)) n++; }); return n; }
    if (s.inSet) { for (var id = 0; id < s.inSet.length; id++) if (s.inSet[id] && self.keep(id, f)) n++; return Math.min(n, s.stream.df); }
    return s.stream.df;
  };
  Index.prototype.sizes = function (ws, f) {
    var self = this, n = 0;
    ws.forEach(function (w) { w.srcs.forEach(function (s) { n += self.size(s, f); }); });
    return n;
  };
  function lessC(a, b) {
    for (var i = 0; i < 5; i++) if (a[i] !== b[i]) return a[i] < b[i];
    return false;
  }
  // contribOf fills c when given (no garbage in a loop over postings).
  function contribOf(v, literal, valid, c) {
    c = c || [];
    c[0] = (v & 3) === CLASS_NUMBER ? 1 : 0; c[1] = valid; c[2] = Math.min(v & 3, CLASS_TITLE); c[3] = literal ? 1 : 0; c[4] = v >>> 2;
    return c;
  }
  function addC(r, c) { r.words++; r.exact += c[0]; r.valid += c[1]; r.cls += c[2]; r.literal += c[3]; r.count += c[4]; }
  function frontier(s) {
    return s.read === 0 ? [1, 1, CLASS_TITLE, 1, MAX_COUNT] : contribOf(s.last.v, s.literal, s.lastOK);
  }
  function sourceBound(s, id, valid) {
    var v = s.complete ? s.vals.get(id) : s.got ? s.got[id] - 1 : -1;
    if (v >= 0) return contribOf(v, s.literal, valid);
    if (!live(s) || (s.inSet && !s.inSet[id])) return null;
    return frontier(s);
  }
  Index.prototype.bound = function (ws, id) {
    var valid = 1 - this.lapsed[id], r = newRank(id);
    ws.forEach(function (w) {
      var best = null;
      w.srcs.forEach(function (s) {
        var c = sourceBound(s, id, valid);
        if (c && (!best || lessC(best, c))) best = c;
      });
      if (best) addC(r, best);
    });
    return r;
  };
  function newRank(id) { return { id: id, words: 0, exact: 0, valid: 0, cls: 0, literal: 0, count: 0 }; }
  function unseen(ws) {
    var r = newRank(Infinity);
    ws.forEach(function (w) {
      var best = null;
      w.srcs.forEach(function (s) {
        if (!live(s)) return;
        var c = frontier(s);
        if (!best || lessC(best, c)) best = c;
        r.id = Math.min(r.id, s.read > 0 ? s.last.id + 1 : 0);
      });
      if (best) addC(r, best);
    });
    return r.words > 0 ? r : null;
  }
  Index.prototype.advance = function (ws) {
    var self = this;
    for (var i = 0; i < ws.length; i++) {
      var best = null;
      ws[i].srcs.forEach(function (s) { if (live(s) && (!best || lessC(frontier(best), frontier(s)))) best = s; });
      if (!best) continue;
      var s = best;
      return this.chunk(s.stream, s.read).then(function (c) {
        if (!s.got) s.got = new Uint8Array(self.meta.docs); // see source.got in query.go
        var kept = s.inSet ? c.filter(function (p) { return s.inSet[p.id]; }) : c;
        for (var i = 0; i < kept.length; i++) s.got[kept[i].id] = kept[i].v + 1;
        s.order.push(kept);
        s.read++;
        if (c.length) {
          s.last = c[c.length - 1];
          s.lastOK = 1 - self.lapsed[s.last.id];
        }
      });
    }
    return Promise.resolve();
  };
  // candidates: see query.go. Only the first k (search.js always has a page, so a budget) are kept and scored.
  Index.prototype.candidates = function (ws, filter, checked, k) {
    var self = this, out = [], seen = this.seen, gen = ++this.gen, c = [], u = {};
    var best = ws.map(function (w) { return w.srcs.map(function (s) { return self.bestOf(s); }); });
    function maxC(cs, skip) {
      return cs.reduce(function (b, x, j) { return x && j !== skip && (!b || lessC(b, x)) ? x : b; }, null);
    }
    ws.forEach(function (w, i) {
      var rest = newRank(0);
      best.forEach(function (cs, i2) { var b = maxC(cs, -1); if (b && i2 !== i) addC(rest, b); });
      w.srcs.forEach(function (s, j) {
        var other = maxC(best[i], j);
        // visit: see candidates in query.go; true when a stream (sorted) can give no more.
        function visit(v, id, sorted) {
          if (seen[id] === gen || checked.has(id) || !self.keep(id, filter)) return false;
          if (out.length === k) {
            var x = contribOf(v, s.literal, 1 - self.lapsed[id], c), low = other && !lessC(other, x);
            addC(Object.assign(u, rest), low ? other : x);
            u.id = low && sorted ? -1 : id;
            if (!before(u, out[k - 1])) return sorted;
          }
          seen[id] = gen;
          self.scored++;
          var r = self.bound(ws, id);
          if (out.length < k || before(r, out[k - 1])) out = out.concat(r).sort(byRank).slice(0, k);
          return false;
        }
        if (s.complete) s.vals.forEach(function (v, id) { visit(v, id, false); });
        else s.order.some(function (ch) { return ch.some(function (p) { return visit(p.v, p.id, true); }); });
      });
    });
    return out;
  };
  // bestOf: see query.go.
  Index.prototype.bestOf = function (s) {
    var self = this, b = live(s) ? frontier(s) : null, c = [];
    function up(v, id) { contribOf(v, s.literal, 1 - self.lapsed[id], c); if (!b || lessC(b, c)) b = c.slice(); }
    if (s.complete) s.vals.forEach(up);
    else for (var i = 0; i < s.order.length; i++) if (s.order[i].length) { up(s.order[i][0].v, s.order[i][0].id); break; }
    return b;
  };
  // known: see query.go.
  Index.prototype.known = function (ws, filter) {
    var self = this, all = [];
    ws.forEach(function (w) { all = all.concat(w.srcs); });
    if (all.length === 1 && live(all[0]) && !all[0].inSet && !filter.kind && !filter.year && !filter.topic) return all[0].stream.df;
    if (all.some(live)) return null;
    var ids = new Set();
    all.forEach(function (s) {
      if (s.complete) s.vals.forEach(function (v, id) { if (self.keep(id, filter)) ids.add(id); });
      else s.order.forEach(function (c) { c.forEach(function (p) { if (self.keep(p.id, filter)) ids.add(p.id); }); });
    });
    return ids.size;
  };
  function newSource(literal) {
    return { literal: literal, complete: false, vals: null, got: null, inSet: null, stream: null, read: 0, last: null, lastOK: 0, order: [] };
  }
  // prepare resolves to the words with their equivalents and sources (ws)
  // and whether the index alone decides every candidate: see run in query.go
  // up to the check.
  Index.prototype.prepare = function (words, filter) {
    var self = this, ws;
    return Promise.all(words.map(function (w) {
      var s = newSource(true);
      return self.addTerms(s, queryTerms(w)).then(function () {
        return self.equivalents(w).then(function (eq) { return { alts: [w].concat(eq), srcs: [s] }; });
      });
    }).concat([this.loadFilters(filter)])).then(function (r) {
      r.pop();
      ws = r;
      return Promise.all(ws.map(function (w) {
        return Promise.all(w.alts.slice(1).map(function (a) {
          var s = newSource(false);
          return self.addTerms(s, queryTerms(a)).then(function () { return s; });
        })).then(function (ss) { w.srcs = w.srcs.concat(ss); });
      }));
    }).then(function () {
      var exactByIndex = ws.every(function (w) { return w.alts.every(function (a) { return a.length <= 2; }); });
      var done = { ws: ws, exactByIndex: exactByIndex };
      if (self.sizes(ws, filter) <= NARROW_AT) return done;
      return Promise.all(ws.map(function (w) {
        return Promise.all(w.alts.map(function (a, j) { return self.addTerms(w.srcs[j], junctionTerms(a)); }));
      })).then(function () { return done; });
    });
  };

  // fieldsOf: see fields in doc.go, same order and classes. TEXT_FIELD is
  // the body text.
  var TEXT_FIELD = 7;
  function fieldsOf(rec) {
    var f = [[rec.t, 2], [rec.s || '', 2], [rec.i || '', 3], [rec.n || '', 3], [rec.m || '', 1], [rec.p || '', 0], [rec.b || '', 0], [rec.x || '', 0]];
    (rec.w || []).forEach(function (k) { f.push([k, 1]); });
    (rec.a || []).forEach(function (a) { f.push([a, 0]); });
    return f;
  }

  // verify: the check that makes results exact; see query.go.
  // compactFields keeps the compact form of a record's fields on the record:
  // a query typed again, or one letter longer, checks the same documents.
  function compactFields(rec) {
    if (!rec._c) rec._c = fieldsOf(rec).map(function (f) { return compact(f[0]); });
    return rec._c;
  }

  function verify(rec, ws) {
    var comp = compactFields(rec), classes = fieldsOf(rec).map(function (f) { return f[1]; });
    var res = { words: 0, exact: 0, cls: 0, literal: 0, count: 0, matched: [] };
    ws.forEach(function (w) {
      var bestExact = -1, bestClass = -1, matched = null, m = '';
      w.alts.forEach(function (a) {
        var exact = -1, cls = -1, as = a.join('');
        for (var f = 0; f < comp.length; f++) {
          var c = comp[f].chars;
          if (c.indexOf(as) < 0) continue;
          var fc = classes[f];
          if (fc === 3) {
            if (c.length === as.length) exact = 1;
            fc = 0;
          }
          exact = Math.max(exact, 0); cls = Math.max(cls, fc);
        }
        if (exact < 0) return;
        if (exact > bestExact || (exact === bestExact && cls > bestClass)) { bestExact = exact; bestClass = cls; matched = a; m = as; }
      });
      res.matched.push(matched);
      if (bestExact < 0) return;
      // Occurrences of the form found: see verify in query.go.
      var n = 0;
      for (var f = 0; f < comp.length && n < MAX_COUNT; f++) {
        for (var i = comp[f].chars.indexOf(m); i >= 0 && n < MAX_COUNT; i = comp[f].chars.indexOf(m, i + 1)) n++;
      }
      res.count += n;
      res.words++; res.exact += bestExact; res.cls += bestClass;
      if (matched === w.alts[0]) res.literal++;
    });
    return res.words ? res : null;
  }

  // A Query keeps its candidates and checked results, so "more" goes on where
  // the first page stopped. When it proves that no document has any of its
  // words, it answers with the longest parts of them that some document has
  // (near, a Query of those parts); see Search in query.go.
  function Query(index, text, filter, words) {
    this.index = index;
    this.words = words || queryWords(text);
    this.filter = filter;
    this.ws = null;
    this.cands = null;
    this.next = 0;
    this.checked = new Set();
    this.found = [];
    this.finished = false;
    this.exactByIndex = true;
    this.isNear = !!words;
    this.near = null;
  }
  Query.prototype.run = function (limit) {
    var self = this, ix = this.index;
    if (this.near) return this.near.run(limit);
    if (!this.words.length) { this.finished = true; return Promise.resolve(this.answer(limit)); }
    var ready = this.ws ? Promise.resolve() : ix.prepare(this.words, this.filter).then(function (r) {
      self.ws = r.ws;
      self.exactByIndex = r.exactByIndex;
    });
    return ready.then(function () {
      return self.check(limit);
    }).then(function (ans) {
      if (self.isNear || ans.results.length || !ans.exact) return ans;
      var longest = Math.max.apply(null, self.words.map(function (w) { return w.length; }));
      return self.tryParts(limit, longest - 1, ans);
    });
  };
  Query.prototype.tryParts = function (limit, l, none) {
    var self = this;
    if (l < MIN_PART) return Promise.resolve(none);
    var q = new Query(this.index, '', this.filter, partsOf(this.words, l));
    return q.run(limit).then(function (ans) {
      if (ans.results.length || !ans.exact) { self.near = q; return ans; }
      return self.tryParts(limit, l - 1, none);
    });
  };
  // Pacing: with its files cached, everything a query does (verifying tens of texts, above all) would be one task,
  // too long for a slow phone (total blocking time). pace() lets the work go on in the current task for SLICE_MS,
  // then resumes it in a task of its own: a MessageChannel message runs at once, where setTimeout's delay is
  // clamped, but the browser may draw a frame first, so a query that fits in one slice must not pause at all:
  // sliceStart is set wherever a task begins (a keystroke's search, a file's arrival, a resumption). Under Node (the
  // mirror test) there is no page to keep responsive, and no pause.
  var SLICE_MS = 5;
  var now = typeof performance === 'object' ? function () { return performance.now(); } : Date.now;
  var sliceStart = now(), channel = null, resumes = [];
  if (typeof MessageChannel === 'function' && typeof document !== 'undefined') {
    channel = new MessageChannel();
    channel.port1.onmessage = function () { sliceStart = now(); resumes.shift()(); };
  }
  function pace() {
    if (!channel || now() - sliceStart < SLICE_MS) return Promise.resolve();
    return new Promise(function (resolve) { resumes.push(resolve); channel.port2.postMessage(null); });
  }

  // check: the loop of run in query.go.
  Query.prototype.check = function (limit) {
    var self = this, ix = this.index, budget = checkBudget(limit);
    // The candidates the loop may still use (see candidates in query.go): a longer page ("more") needs more.
    if (!this.cands || this.candsFor !== budget) {
      this.cands = ix.candidates(this.ws, this.filter, this.checked, budget - this.checked.size + 1);
      this.candsFor = budget;
      this.next = 0;
    }
    var cands = this.cands, t = unseen(this.ws), top = t;
    var readNext = !!t && (this.next === cands.length || !before(cands[this.next], t));
    if (!readNext) {
      if (this.next === cands.length) { this.finished = true; return Promise.resolve(this.answer(limit)); }
      top = cands[this.next];
    }
    if ((this.found.length >= limit && !before(top, this.found[limit - 1])) || this.checked.size >= budget) {
      return Promise.resolve(this.answer(limit));
    }
    if (readNext) {
      return ix.advance(this.ws).then(pace).then(function () {
        self.cands = null;
        return self.check(limit);
      });
    }
    // Fetch a few candidates at once: over a phone network latency, not
    // bytes, is what the user waits for. No more than Go's one-by-one loop
    // would check, so both stop at the same candidate: each ranks before
    // every document not read yet, and the page cannot fill before the last.
    var n = Math.min(budget - this.checked.size, Math.max(1, limit - this.found.length)), batch = [];
    for (var i = this.next; i < cands.length && batch.length < n && (!t || before(cands[i], t)); i++) batch.push(cands[i]);
    return Promise.all(batch.map(function (b) { return ix.record(b.id); })).then(function (recs) {
      function step(i) {
        if (i === recs.length) {
          self.next += batch.length;
          self.found.sort(byRank);
          return self.check(limit);
        }
        return pace().then(function () {
          var b = batch[i], rec = recs[i], v = verify(rec, self.ws);
          self.checked.add(b.id);
          if (v) self.found.push({ id: b.id, words: v.words, exact: v.exact, valid: rec.v ? 0 : v.words, cls: v.cls, literal: v.literal, count: v.count, matched: v.matched, rec: rec });
          return step(i + 1);
        });
      }
      return step(0);
    });
  };
  Query.prototype.answer = function (limit) {
    var total = this.found.length, exact = this.finished;
    if (!exact) {
      total = this.found.length + this.index.sizes(this.ws, this.filter) - this.checked.size;
      var known = this.exactByIndex ? this.index.known(this.ws, this.filter) : null;
      if (known !== null) { total = known; exact = true; }
    }
    return {
      results: this.found.slice(0, limit),
      total: total,
      exact: exact,
      more: this.found.length > limit || !this.finished,
      words: this.words,
      nearMiss: this.isNear,
    };
  };

  // Highlighting: marks every occurrence of every word in s, found in compact
  // form and mapped back, so a match across a line break or brackets is one
  // span. Returns a DocumentFragment; text goes in as text nodes only.
  function spansOf(s, words, c) {
    var spans = [];
    c = c || compact(s);
    words.forEach(function (w) {
      w = w.join('');
      for (var i = c.chars.indexOf(w); i >= 0; i = c.chars.indexOf(w, i + 1)) {
        var last = c.at[i + w.length - 1]; // a pair of surrogates if a high one: fold keeps no lone one
        spans.push([c.at[i], last + ((s.charCodeAt(last) & 0xFC00) === 0xD800 ? 2 : 1)]);
      }
    });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    return spans;
  }
  // Spans and windows are UTF-16 offsets in the text.
  function marked(text, lo, hi, spans) {
    var frag = document.createDocumentFragment(), pos = lo;
    spans.forEach(function (s) {
      if (s[0] < pos || s[0] >= hi) return;
      var to = Math.min(s[1], hi);
      frag.appendChild(document.createTextNode(text.slice(pos, s[0])));
      var m = document.createElement('mark');
      m.textContent = text.slice(s[0], to);
      frag.appendChild(m);
      pos = to;
    });
    frag.appendChild(document.createTextNode(text.slice(pos, hi)));
    return frag;
  }
  // step returns offset i of s moved by n characters (code points), back when n < 0, within s.
  function step(s, i, n) {
    for (; n > 0 && i < s.length; n--) i += (s.charCodeAt(i) & 0xFC00) === 0xD800 && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00 ? 2 : 1;
    for (; n < 0 && i > 0; n++) i -= (s.charCodeAt(i - 1) & 0xFC00) === 0xDC00 && (s.charCodeAt(i - 2) & 0xFC00) === 0xD800 ? 2 : 1;
    return i;
  }
  function snippet(text, words, c) {
    text = text || '';
    var spans = spansOf(text, words, c), frag = document.createDocumentFragment();
    if (!spans.length) { frag.appendChild(document.createTextNode(text.slice(0, step(text, 0, 2 * SNIPPET_RADIUS)))); return frag; }
    var lo = step(text, spans[0][0], -SNIPPET_RADIUS), hi = step(text, spans[0][0], SNIPPET_RADIUS);
    if (lo > 0) frag.appendChild(document.createTextNode('…'));
    frag.appendChild(marked(text, lo, hi, spans));
    if (hi < text.length) frag.appendChild(document.createTextNode('…'));
    return frag;
  }

  // The page.
  function start() {
    var root = document.querySelector('[data-search-index]');
    if (!root) return;
    var form = root.querySelector('form');
    var input = form.elements.q, kind = form.elements.kind, year = form.elements.year, topic = form.elements.topic;
    var status = root.querySelector('[data-search-status]');
    var list = root.querySelector('[data-search-results]');
    var moreButton = root.querySelector('[data-search-more]');
    var index = new Index(root.getAttribute('data-search-index'));
    var current = null, limit = PAGE, seq = 0;
    root.classList.add('search-ready');

    // text returns the interface text the template rendered from i18n into
    // data-t-<name> (name in camelCase here), with {placeholders} filled in.
    function text(name, vars) {
      var s = root.dataset['t' + name.charAt(0).toUpperCase() + name.slice(1)] || '';
      return s.replace(/\{(\w+)\}/g, function (m, k) { return vars && k in vars ? String(vars[k]) : m; });
    }
    // rendered tells whoever waits (tests, the benchmark) that the page now
    // shows the answer to the query: an event, so nobody has to poll, and
    // data-search-rendered, so a late waiter knows which query is drawn.
    function rendered(query) {
      root.dataset.searchRendered = query;
      root.dispatchEvent(new CustomEvent('search-rendered', { detail: { query: query } }));
    }

    function option(select, value, label) {
      var o = document.createElement('option');
      o.value = value; o.textContent = label;
      select.appendChild(o);
    }
    function filter() {
      return { kind: kind.value, year: parseInt(year.value, 10) || 0, topic: topic.value };
    }
    function syncURL() {
      var p = new URLSearchParams();
      if (input.value) p.set('q', input.value);
      ['kind', 'year', 'topic'].forEach(function (k) { if (form.elements[k].value) p.set(k, form.elements[k].value); });
      var qs = p.toString();
      history.replaceState(null, '', location.pathname + (qs ? '?' + qs : ''));
    }
    // why returns the lines that say how a result answers the query: which
    // equivalent of a word it contains, which part of a word a near miss
    // found, which words it lacks.
    function why(r, ans) {
      var lines = [];
      ans.words.forEach(function (w, i) {
        var word = w.join(''), m = r.matched[i];
        if (ans.nearMiss) { if (m) lines.push(text('part', { v: m.join('') })); return; }
        if (!m) lines.push(text('missing', { w: word }));
        else if (m.join('') !== word) lines.push(text('via', { v: m.join(''), w: word }));
      });
      return lines;
    }
    function render(ans, query) {
      // A keyboard user already in the results keeps their place when the list is redrawn (a late answer to the
      // last keystroke must not drop focus to the page).
      var focusAt = -1;
      if (list.contains(document.activeElement)) {
        focusAt = Array.prototype.indexOf.call(list.querySelectorAll('a'), document.activeElement);
      }
      list.textContent = '';
      ans.results.forEach(function (r) {
        var rec = r.rec, li = document.createElement('li'), h = document.createElement('h2'), a = document.createElement('a');
        var marks = r.matched.filter(Boolean);
        a.href = rec.u;
        a.appendChild(marked(rec.t, 0, rec.t.length, spansOf(rec.t, marks, compactFields(rec)[0])));
        h.appendChild(a);
        li.appendChild(h);
        var meta = document.createElement('p');
        meta.className = 'search-meta';
        var kindName = rec.k ? text('kind' + rec.k.charAt(0).toUpperCase() + rec.k.slice(1)) || rec.k : '';
        [rec.v && text('lapsed' + rec.v.charAt(0).toUpperCase() + rec.v.slice(1)), kindName, rec.s && text('shortTitle', { v: rec.s }),
          rec.d && text('date', { v: rec.d }), rec.i && text('indexNo', { v: rec.i }), rec.n && text('docNo', { v: rec.n })]
          .forEach(function (t, i) {
            if (!t) return;
            var s = document.createElement('span'); s.textContent = t;
            if (i === 0) s.className = 'search-lapsed';
            meta.appendChild(s);
          });
        li.appendChild(meta);
        var lines = why(r, ans);
        if (lines.length) {
          var w = document.createElement('p');
          w.className = 'search-why';
          w.textContent = lines.join(text('sep'));
          li.appendChild(w);
        }
        var p = document.createElement('p');
        p.className = 'search-snippet';
        p.appendChild(snippet(rec.x, marks, compactFields(rec)[TEXT_FIELD]));
        li.appendChild(p);
        list.appendChild(li);
      });
      moreButton.hidden = !ans.more;
      if (focusAt >= 0) {
        var links = list.querySelectorAll('a');
        var again = links[Math.min(focusAt, links.length - 1)];
        if (again) again.focus(); else input.focus();
      }
      var found;
      if (!ans.words.length) found = '';
      else if (!ans.results.length && !ans.more) found = text('none', { q: query });
      else if (!ans.exact) found = text('partial', { shown: ans.results.length, rest: ans.total - ans.results.length });
      else if (ans.more) found = text('foundPage', { n: ans.total, shown: ans.results.length });
      else found = ans.total === 1 ? text('foundOne') : text('found', { n: ans.total });
      if (ans.nearMiss) {
        // The parts that the results shown contain, in the order of the query.
        var parts = ans.words.map(function (w) { return w.join(''); }).filter(function (w, i) {
          return ans.results.some(function (r) { return r.matched[i]; });
        });
        found = text('near', { q: query, parts: parts.join(text('listSep')) }) + found;
      }
      status.textContent = found;
      rendered(query);
    }
    function run(fresh) {
      var my = ++seq;
      sliceStart = now(); // see pace
      if (fresh) {
        limit = PAGE;
        current = new Query(index, input.value, filter());
      }
      var query = input.value.trim();
      if (current.words.length) status.textContent = text('searching');
      current.run(limit).then(function (ans) {
        if (my === seq) render(ans, query);
      }, function (err) {
        if (my !== seq) return;
        status.textContent = text('error', { error: err.message });
        rendered(query);
      });
    }
    // Every keystroke searches at once: with the files cached an answer takes
    // a few milliseconds, and a late answer to an earlier keystroke is
    // dropped (seq). Keys composing a character in an input method are not
    // queries; the composed text is.
    function schedule(e) {
      if (e && e.isComposing) return;
      syncURL();
      run(true);
    }

    // Nothing searches before the index's meta.json is in (a keystroke then would have no shards to look in): the
    // listeners are added once it is. What the citizen typed while it loaded is kept; otherwise the query comes
    // from the address (?q=, and the filters).
    index.open().then(function (m) {
      m.years.forEach(function (y) { if (y[0]) option(year, String(y[0]), text('yearOption', { year: y[0] })); });
      m.topics.forEach(function (t) { option(topic, t, t.replace(/\\/g, ' › ')); });
      var p = new URLSearchParams(location.search);
      if (!input.value) input.value = p.get('q') || '';
      if (!kind.value) kind.value = p.get('kind') || '';
      if (!year.value) year.value = p.get('year') || '';
      if (!topic.value) topic.value = p.get('topic') || '';
      listen();
      run(true);
    }, function (err) {
      status.textContent = text('loadError', { error: err.message });
      rendered('');
    });

    function listen() {
      input.addEventListener('input', schedule);
      input.addEventListener('compositionend', function () { schedule(); });
      [kind, year, topic].forEach(function (s) { s.addEventListener('change', schedule); });
      form.addEventListener('submit', function (e) { e.preventDefault(); syncURL(); run(true); });
      moreButton.addEventListener('click', function () {
        var first = list.children.length;
        limit += PAGE;
        run(false);
        // Keyboard users continue from the first new result.
        var wait = new MutationObserver(function () {
          wait.disconnect();
          var a = list.children[first] && list.children[first].querySelector('a');
          if (a) a.focus();
        });
        wait.observe(list, { childList: true });
      });
      // Down arrow from the box goes to the results; links then tab in order.
      input.addEventListener('keydown', function (e) {
        if (e.key === 'ArrowDown') {
          var a = list.querySelector('a');
          if (a) { e.preventDefault(); a.focus(); }
        }
      });
    }
  }

  // The search starts once the page has loaded, in a task of its own: the page is drawn first and the work of
  // fetching and ranking comes after it, so it delays neither the first paint nor the largest one.
  if (typeof document !== 'undefined') {
    if (document.readyState === 'complete') setTimeout(start);
    else addEventListener('load', function () { setTimeout(start); });
  }
  // For the Go test that runs this file under Node against the Go mirror
  // (generator/search/mirror_test.go); browsers have no module object.
  if (typeof module === 'object' && module.exports) {
    module.exports = { Index: Index, Query: Query, compact: compact, queryWords: queryWords, queryTerms: queryTerms, shardOf: shardOf };
  }
})();
