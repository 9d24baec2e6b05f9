"""Score newspaper-page repairs (page JSON v1) against gold pages.

A verbatim copy of the project's benchmark scorer (``shared/bench/score.py``), kept in the
package so that ``cleaner train`` fits weights on exactly the metrics the benchmark reports,
without the shared folder. Only this paragraph differs; a test compares the two when the shared
copy is present.

    python score.py --gold DIR --pred DIR            # pred DIR holds NAME.json
    python score.py --gold DIR --cmd 'python -m tool {input}' [--timeout 60]
    add --json for machine-readable output, --only SUBSTR to pick pages.

Gold DIR holds NAME.txt + NAME.gold.json (and optionally pages.json, which
marks already-clean pages). Needs only the standard library and rapidfuzz.
See README.md beside this file for what every metric means.
"""
import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

try:
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein
except ImportError:  # pragma: no cover
    sys.exit("score.py needs rapidfuzz (pip install rapidfuzz)")

ORNAMENTS = "◎□■◆◇●○★☆▲△▼▽◉•"
FIELDS = ("title", "subtitle", "byline", "dateline")
MATCH_MIN = 0.30        # below this body similarity two articles are never paired
SEG_MIN = 0.90          # an article counts as correctly segmented at this similarity
FUZZY_HIT = 90          # partial_ratio threshold for pull-quote / caption hits
_WS = re.compile(r"\s+")


class PredError(Exception):
    pass


# ----------------------------------------------------------------- loading

def _nfc(s):
    return unicodedata.normalize("NFC", s)


def nows(s):
    """Text with every whitespace character removed."""
    return _WS.sub("", s or "")


def norm_field(s):
    """Whitespace and ornament-insensitive form of a heading field."""
    if not isinstance(s, str):
        return ""
    return "".join(c for c in nows(_nfc(s)) if c not in ORNAMENTS)


class Art:
    __slots__ = ("fields", "blocks", "pullquotes", "captions")

    def __init__(self):
        self.fields = {f: None for f in FIELDS}
        self.blocks = []          # [(kind, text)]
        self.pullquotes = []
        self.captions = []

    def body(self):
        return "\n".join(t for k, t in self.blocks)


def coerce_page(obj, strict=False):
    """Turn a page JSON object into a list of Art. Non-strict mode skips
    malformed parts and reports them; strict mode (gold) raises."""
    notes = []

    def bad(msg):
        if strict:
            raise PredError(msg)
        notes.append(msg)

    if not isinstance(obj, dict):
        raise PredError("top level is %s, not an object" % type(obj).__name__)
    arts_in = obj.get("articles")
    if arts_in is None:
        bad("no 'articles' key")
        arts_in = []
    if not isinstance(arts_in, list):
        raise PredError("'articles' is %s, not a list" % type(arts_in).__name__)
    arts = []
    for i, a in enumerate(arts_in):
        if not isinstance(a, dict):
            bad("articles[%d] is not an object" % i)
            continue
        art = Art()
        for f in FIELDS:
            v = a.get(f)
            if v is None or isinstance(v, str):
                art.fields[f] = _nfc(v) if isinstance(v, str) else None
            else:
                bad("articles[%d].%s is %s" % (i, f, type(v).__name__))
        blocks = a.get("blocks", [])
        if not isinstance(blocks, list):
            bad("articles[%d].blocks is not a list" % i)
            blocks = []
        for j, b in enumerate(blocks):
            if isinstance(b, str):
                bad("articles[%d].blocks[%d] is a bare string (taken as a paragraph)" % (i, j))
                art.blocks.append(("paragraph", _nfc(b).strip()))
                continue
            if not isinstance(b, dict) or not isinstance(b.get("text"), str):
                bad("articles[%d].blocks[%d] has no text" % (i, j))
                continue
            kind = b.get("kind", "paragraph")
            if kind not in ("paragraph", "subhead"):
                bad("articles[%d].blocks[%d].kind %r (taken as paragraph)" % (i, j, kind))
                kind = "paragraph"
            art.blocks.append((kind, _nfc(b["text"]).strip().replace("\r", "")))
        for key in ("pullquotes", "captions"):
            v = a.get(key, [])
            if v is None:
                v = []
            if not isinstance(v, list):
                bad("articles[%d].%s is not a list" % (i, key))
                v = []
            vals = []
            for x in v:
                if isinstance(x, str):
                    vals.append(_nfc(x))
                else:
                    bad("articles[%d].%s has a non-string item" % (i, key))
            setattr(art, key, vals)
        arts.append(art)
    dropped = obj.get("dropped", [])
    drops = []
    if isinstance(dropped, list):
        for d in dropped:
            if isinstance(d, dict) and isinstance(d.get("text"), str):
                drops.append(_nfc(d["text"]))
            elif isinstance(d, str):
                drops.append(_nfc(d))
    elif dropped is not None:
        bad("'dropped' is not a list")
    return arts, drops, notes


def load_json_text(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise PredError("invalid JSON: %s" % e)


# ----------------------------------------------------------------- metrics

def match_articles(gold, pred):
    """Greedy one-to-one pairing by body similarity (whitespace removed).
    Returns list of (gi, pj or None, sim) and the set of unmatched pred ids."""
    gb = [nows(a.body()) for a in gold]
    pb = [nows(a.body()) for a in pred]
    cands = []
    for i, g in enumerate(gb):
        for j, p in enumerate(pb):
            if not g and not p:
                s = 1.0
            elif not g or not p:
                s = 0.0
            else:
                s = fuzz.ratio(g, p) / 100.0
            if s >= MATCH_MIN:
                cands.append((s, i, j))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    gm, pm = {}, {}
    for s, i, j in cands:
        if i in gm or j in pm:
            continue
        gm[i] = (j, s)
        pm[j] = i
    pairs = [(i, gm[i][0] if i in gm else None, gm[i][1] if i in gm else 0.0) for i in range(len(gold))]
    unmatched_pred = [j for j in range(len(pred)) if j not in pm]
    return pairs, unmatched_pred


def _count_fuzzy(q, blocks):
    n = 0
    for b in blocks:
        if len(b) >= 0.6 * len(q) and fuzz.partial_ratio(q, b) >= FUZZY_HIT:
            n += 1
    return n


def _count_sub(d, blocks):
    """Blocks that consist of exactly d (used for very short dropped lines)."""
    return sum(1 for b in blocks if b == d)


def score_page(gold, gold_drops, pred, clean=False):
    m = {}
    pairs, unmatched_pred = match_articles(gold, pred)

    # body CER (and whitespace-insensitive CER)
    dist = wdist = 0
    glen = wglen = 0
    for gi, pj, s in pairs:
        g = gold[gi].body()
        gw = nows(g)
        glen += len(g)
        wglen += len(gw)
        if pj is None:
            dist += len(g)
            wdist += len(gw)
        else:
            p = pred[pj].body()
            dist += Levenshtein.distance(g, p)
            wdist += Levenshtein.distance(gw, nows(p))
    for pj in unmatched_pred:
        p = pred[pj].body()
        dist += len(p)
        wdist += len(nows(p))
    m["cer_num"], m["cer_den"] = dist, glen
    m["wscer_num"], m["wscer_den"] = wdist, wglen

    # article-agnostic CER: all bodies concatenated (gold order vs prediction order)
    gflat = "".join(nows(a.body()) for a in gold)
    pflat = "".join(nows(a.body()) for a in pred)
    m["flat_num"], m["flat_den"] = Levenshtein.distance(gflat, pflat), len(gflat)

    # paragraph exact match (whitespace-insensitive), page level multiset
    gp = Counter(nows(t) for a in gold for k, t in a.blocks if k == "paragraph")
    pp = Counter(nows(t) for a in pred for k, t in a.blocks if k == "paragraph")
    m["para_tp"] = sum((gp & pp).values())
    m["para_gold"] = sum(gp.values())
    m["para_pred"] = sum(pp.values())

    # article segmentation
    m["seg_tp"] = sum(1 for gi, pj, s in pairs if pj is not None and s >= SEG_MIN)
    m["seg_gold"] = len(gold)
    m["seg_pred"] = len(pred)

    # subhead placement
    sub_ok = sub_n = 0
    for gi, pj, s in pairs:
        gb = gold[gi].blocks
        for k, (kind, text) in enumerate(gb):
            if kind != "subhead":
                continue
            sub_n += 1
            if pj is None:
                continue
            want = _next_para_key(gb, k)
            pb = pred[pj].blocks
            for k2, (kind2, text2) in enumerate(pb):
                if kind2 == "subhead" and norm_field(text2) == norm_field(text) \
                        and _next_para_key(pb, k2) == want:
                    sub_ok += 1
                    break
    m["sub_ok"], m["sub_n"] = sub_ok, sub_n

    # heading fields
    for f in FIELDS:
        ok = n = 0
        for gi, pj, s in pairs:
            gv = norm_field(gold[gi].fields[f])
            pv = norm_field(pred[pj].fields[f]) if pj is not None else ""
            if not gv and not pv:
                continue
            n += 1
            ok += gv == pv
        for pj in unmatched_pred:
            if norm_field(pred[pj].fields[f]):
                n += 1
        m[f + "_ok"], m[f + "_n"] = ok, n

    gblocks = [nows(t) for a in gold for k, t in a.blocks]
    pblocks = [nows(t) for a in pred for k, t in a.blocks]
    gblob = "".join(gblocks)
    pblob = "".join(pblocks)

    def leaked(q):
        # more copies of q in the predicted bodies than in the gold bodies:
        # exact copies anywhere (so line-split copies count) or near copies
        # inside a single block
        return pblob.count(q) > gblob.count(q) or _count_fuzzy(q, pblocks) > _count_fuzzy(q, gblocks)

    # pull quotes: leakage into bodies, and recall as pull quotes
    leak = n = found = 0
    pred_pq = [nows(q) for a in pred for q in a.pullquotes]
    for a in gold:
        for q in a.pullquotes:
            q = nows(q)
            if not q:
                continue
            n += 1
            if leaked(q):
                leak += 1
            if any(fuzz.ratio(q, x) >= FUZZY_HIT for x in pred_pq):
                found += 1
    m["pq_leak"], m["pq_found"], m["pq_n"] = leak, found, n

    # captions: leakage into bodies, and recall as captions
    leak = n = found = 0
    pred_cap = [nows(c) for a in pred for c in a.captions]
    for a in gold:
        for c in a.captions:
            c = nows(c)
            if not c:
                continue
            n += 1
            if leaked(c):
                leak += 1
            if any(fuzz.ratio(c, x) >= FUZZY_HIT for x in pred_cap):
                found += 1
    m["cap_leak"], m["cap_found"], m["cap_n"] = leak, found, n

    # dropped text (credits, page furniture) leaking into bodies
    leak = n = 0
    for d in gold_drops:
        d = nows(d)
        if not d:
            continue
        n += 1
        if len(d) <= 3:
            hit = _count_sub(d, pblocks) > _count_sub(d, gblocks)
        else:
            hit = pblob.count(d) > gblob.count(d)
        if hit:
            leak += 1
    m["drop_leak"], m["drop_n"] = leak, n

    m["clean"] = bool(clean)
    return m


def _next_para_key(blocks, k):
    for kind, text in blocks[k + 1:]:
        if kind == "paragraph":
            return nows(text)[:12]
        if kind == "subhead":
            return None
    return None


def _ratio(a, b):
    return None if not b else a / b


def _f1(tp, ng, np_):
    p = _ratio(tp, np_)
    r = _ratio(tp, ng)
    if p is None or r is None:
        return p, r, None
    return p, r, (0.0 if p + r == 0 else 2 * p * r / (p + r))


def page_view(m):
    v = {
        "cer": _ratio(m["cer_num"], m["cer_den"]),
        "ws_cer": _ratio(m["wscer_num"], m["wscer_den"]),
        "flat_cer": _ratio(m["flat_num"], m["flat_den"]),
        "para_f1": _f1(m["para_tp"], m["para_gold"], m["para_pred"])[2],
        "seg_f1": _f1(m["seg_tp"], m["seg_gold"], m["seg_pred"])[2],
        "subhead_acc": _ratio(m["sub_ok"], m["sub_n"]),
    }
    for f in FIELDS:
        v[f + "_acc"] = _ratio(m[f + "_ok"], m[f + "_n"])
    v["pq_leak"] = _ratio(m["pq_leak"], m["pq_n"])
    v["drop_leak"] = _ratio(m["drop_leak"], m["drop_n"])
    v["cap_leak"] = _ratio(m["cap_leak"], m["cap_n"])
    return v


def summarize(metrics):
    tot = Counter()
    clean = Counter()
    for m in metrics:
        for k, x in m.items():
            if k == "clean":
                continue
            tot[k] += x
            if m["clean"]:
                clean[k] += x
    p, r, f = _f1(tot["para_tp"], tot["para_gold"], tot["para_pred"])
    sp, sr, sf = _f1(tot["seg_tp"], tot["seg_gold"], tot["seg_pred"])
    s = {
        "pages": len(metrics),
        "cer": _ratio(tot["cer_num"], tot["cer_den"]),
        "ws_cer": _ratio(tot["wscer_num"], tot["wscer_den"]),
        "flat_cer": _ratio(tot["flat_num"], tot["flat_den"]),
        "para_p": p, "para_r": r, "para_f1": f,
        "seg_p": sp, "seg_r": sr, "seg_f1": sf,
        "subhead_acc": _ratio(tot["sub_ok"], tot["sub_n"]),
    }
    for fl in FIELDS:
        s[fl + "_acc"] = _ratio(tot[fl + "_ok"], tot[fl + "_n"])
    s.update({
        "pq_leak": _ratio(tot["pq_leak"], tot["pq_n"]),
        "pq_recall": _ratio(tot["pq_found"], tot["pq_n"]),
        "cap_leak": _ratio(tot["cap_leak"], tot["cap_n"]),
        "cap_recall": _ratio(tot["cap_found"], tot["cap_n"]),
        "drop_leak": _ratio(tot["drop_leak"], tot["drop_n"]),
        "clean_pages": sum(1 for m in metrics if m["clean"]),
        "clean_damage": (None if not clean["para_gold"]
                         else 1 - clean["para_tp"] / clean["para_gold"]),
        "clean_cer": _ratio(clean["cer_num"], clean["cer_den"]),
        "counts": {k: tot[k] for k in ("para_gold", "seg_gold", "sub_n", "pq_n", "cap_n", "drop_n")},
    })
    return s


# ----------------------------------------------------------------- driver

def list_pages(gold_dir, only=None):
    names = sorted(f[:-len(".gold.json")] for f in os.listdir(gold_dir) if f.endswith(".gold.json"))
    if only:
        names = [n for n in names if only in n]
    return names


def load_manifest(gold_dir):
    p = os.path.join(gold_dir, "pages.json")
    if os.path.exists(p):
        try:
            with open(p, encoding="utf-8") as f:
                return json.load(f)
        except (OSError, ValueError):
            pass
    return {}


def run_cmd(template, inp, timeout):
    cmd = template.replace("{input}", shlex.quote(inp))
    t0 = time.time()
    try:
        cp = subprocess.run(cmd, shell=True, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PredError("timeout after %ss" % timeout)
    if cp.returncode != 0:
        tail = cp.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise PredError("exit code %d: %s" % (cp.returncode, tail[0][:200]))
    return cp.stdout.decode("utf-8", "replace"), time.time() - t0


def evaluate(gold_dir, names, get_pred, jobs=1):
    manifest = load_manifest(gold_dir)
    results = {}

    def one(name):
        with open(os.path.join(gold_dir, name + ".gold.json"), encoding="utf-8") as f:
            gold, gdrops, _ = coerce_page(json.load(f), strict=True)
        note = ""
        pred = []
        try:
            obj = get_pred(name)
            if obj is None:
                note = "missing prediction"
            else:
                pred, _, notes = coerce_page(obj)
                if notes:
                    note = "; ".join(notes[:3]) + (" (+%d more)" % (len(notes) - 3) if len(notes) > 3 else "")
        except PredError as e:
            note = "error: %s" % e
            pred = []
        except Exception as e:  # never let one page stop the run
            note = "error: %s: %s" % (type(e).__name__, e)
            pred = []
        clean = bool(manifest.get(name, {}).get("clean"))
        return name, score_page(gold, gdrops, pred, clean), note

    if jobs > 1:
        with ThreadPoolExecutor(jobs) as ex:
            for name, m, note in ex.map(one, names):
                results[name] = (m, note)
    else:
        for name in names:
            name, m, note = one(name)
            results[name] = (m, note)
    return results


def fmt(x, pct=True):
    if x is None:
        return "   -  "
    return "%6.1f" % (100 * x) if pct else "%6.3f" % x


def print_table(results, summary, out=None):
    out = out or sys.stdout
    cols = ["cer", "ws_cer", "flat_cer", "para_f1", "seg_f1", "subhead_acc", "title_acc", "subtitle_acc",
            "byline_acc", "dateline_acc", "pq_leak", "drop_leak"]
    short = ["CER", "wsCER", "flatCE", "paraF1", "segF1", "subhd", "title", "subt", "bylin", "datel", "pqLk", "drLk"]
    w = max([len(n) for n in results] + [8])
    print("%-*s %s  note" % (w, "page", " ".join("%6s" % s for s in short)), file=out)
    for name in sorted(results):
        m, note = results[name]
        v = page_view(m)
        tag = "[clean] " if m["clean"] else ""
        print("%-*s %s  %s%s" % (w, name, " ".join(fmt(v[c]) for c in cols), tag, note), file=out)
    print("-" * (w + 7 * len(cols)), file=out)
    s = summary
    print("%-*s %s" % (w, "MICRO", " ".join(fmt(s[c]) for c in cols)), file=out)
    print("pages %d | para P/R %s/%s | seg P/R %s/%s | pq recall %s | caption leak %s recall %s"
          % (s["pages"], fmt(s["para_p"]).strip(), fmt(s["para_r"]).strip(),
             fmt(s["seg_p"]).strip(), fmt(s["seg_r"]).strip(), fmt(s["pq_recall"]).strip(),
             fmt(s["cap_leak"]).strip(), fmt(s["cap_recall"]).strip()), file=out)
    print("clean pages %d | damage %s | CER %s  (all figures in %%)"
          % (s["clean_pages"], fmt(s["clean_damage"]).strip(), fmt(s["clean_cer"]).strip()), file=out)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, help="directory with NAME.txt and NAME.gold.json")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--pred", help="directory with NAME.json predictions")
    g.add_argument("--cmd", help="command template; {input} becomes the page's .txt path; "
                                 "the page JSON is read from its stdout")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per page in --cmd mode")
    ap.add_argument("--jobs", type=int, default=1, help="pages scored in parallel")
    ap.add_argument("--save-pred", help="in --cmd mode, also write NAME.json outputs here")
    ap.add_argument("--only", help="score only pages whose name contains this")
    ap.add_argument("--json", action="store_true", help="print JSON instead of the table")
    a = ap.parse_args(argv)

    names = list_pages(a.gold, a.only)
    if not names:
        sys.exit("no *.gold.json in %s" % a.gold)

    if a.pred:
        def get_pred(name):
            p = os.path.join(a.pred, name + ".json")
            if not os.path.exists(p):
                return None
            with open(p, "rb") as f:
                return load_json_text(f.read().decode("utf-8", "replace"))
    else:
        if a.save_pred:
            os.makedirs(a.save_pred, exist_ok=True)

        def get_pred(name):
            out, _ = run_cmd(a.cmd, os.path.join(a.gold, name + ".txt"), a.timeout)
            if a.save_pred:
                with open(os.path.join(a.save_pred, name + ".json"), "w", encoding="utf-8") as f:
                    f.write(out)
            return load_json_text(out)

    results = evaluate(a.gold, names, get_pred, a.jobs)
    summary = summarize([m for m, _ in results.values()])
    if a.json:
        out = {"summary": summary,
               "pages": {n: dict(page_view(m), clean=m["clean"], note=note)
                         for n, (m, note) in sorted(results.items())}}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_table(results, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
