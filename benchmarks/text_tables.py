"""Reading .txt files with tables written as text: what finding the tables costs, and how it scales.

Run: `python benchmarks/text_tables.py [--sizes 1,16,64] [--repeat 3]`.

An invented report body (prose paragraphs, then the same small table as tab-separated rows, a
pandoc grid table, a pandoc simple table and `pdftotext -layout` columns) is repeated N times;
the same N copies with every table row written as a plain sentence are the baseline. Both are read
(`llmx.read.read_bytes`: decode, unwrap, find and lay out tables) and the best of `--repeat`
runs (CPU time of this process, steadier than wall time on a shared machine) is printed as
ms/KB, with the ratio tables/prose and the ratio of ms/KB to x1, measured in this one run.
Watch: ms/KB flat from x1 to x256 (no quadratic scan) and the ratio to prose small.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import best_of

from llmx.read import read_bytes

ROWS = [
    ["STT", "Chỉ tiêu", "Đơn vị", "KH 2026", "TH 6 tháng", "% KH"],
    ["1", "Diện tích gieo trồng", "ha", "3.800", "2.150", "56,6"],
    ["2", "Sản lượng lương thực", "tấn", "18.400", "9.320", "50,7"],
    ["3", "Tổng đàn gia cầm", "con", "95.000", "88.600", "93,3"],
]
PROSE = (
    "Trong 6 tháng đầu năm, tổng thu ngân sách trên địa bàn đạt 12.500 triệu đồng, bằng 52% dự toán, "
    "tăng 3,2% so với cùng kỳ; công tác cải cách hành chính được chú trọng.\n\n"
) * 12


def _widths() -> list[int]:
    return [max(len(r[c]) for r in ROWS) for c in range(len(ROWS[0]))]


def _forms() -> str:
    ws = _widths()
    tsv = "\n".join("\t".join(r) for r in ROWS)
    border = "+" + "+".join("-" * (w + 2) for w in ws) + "+"
    cells = ["|" + "|".join(f" {c.ljust(w)} " for c, w in zip(r, ws, strict=True)) + "|" for r in ROWS]
    grid = "\n".join([border, *cells, border])
    simple = [ROWS[0], ["-" * w for w in ws], *ROWS[1:]]
    simple_text = "\n".join("  ".join(c.ljust(w) for c, w in zip(r, ws, strict=True)).rstrip() for r in simple)
    layout = "\n".join("    " + "    ".join(c.rjust(w) for c, w in zip(r, ws, strict=True)) for r in ROWS)
    return "\n\n".join([tsv, grid, simple_text, layout]) + "\n\n"


def _as_prose() -> str:
    return "".join(f"{r[1]} {r[2]} {r[3]} {r[4]} {r[5]}.\n" for r in ROWS * 4) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,16,64")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    tables, prose = PROSE + _forms(), PROSE + _as_prose()
    print("| copies | KB | tables ms/KB | prose ms/KB | tables / prose | tables ms/KB / x1 |")
    print("|---:|---:|---:|---:|---:|---:|")
    first = 0.0
    for n in (int(s) for s in args.sizes.split(",")):
        data, plain = (tables * n).encode(), (prose * n).encode()
        found = len(read_bytes(data, "t.txt").tables)
        assert found == 4 * n, f"{found} tables read, {4 * n} written"
        kb = len(data) / 1024
        t = best_of(args.repeat, lambda d=data: read_bytes(d, "t.txt"), clock=time.process_time) * 1000 / kb
        p = best_of(args.repeat, lambda d=plain: read_bytes(d, "p.txt"), clock=time.process_time)
        p = p * 1000 / (len(plain) / 1024)
        first = first or t
        print(f"| x{n} | {kb:.0f} | {t:.3f} | {p:.3f} | {t / p:.2f}x | {t / first:.2f}x |")


if __name__ == "__main__":
    main()
