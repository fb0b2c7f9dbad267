#!/usr/bin/env python3
"""Measures what customers read from `hallboard render`'s lines.json (docs/preview.md).

    check_lines.py DIR [--min 0.037] [--same-as DIR2]

Prints, and fails (exit 1) on:
  - every text line whose font size is below --min of the screen's short side
    (default: 0.037, the default theme's minimum: 40 px at 1080p);
  - every table row whose cells are drawn on more than one page (a price read from the
    wrong row or page);
  - with --same-as: any difference between the two runs other than scale, i.e. the
    3840x2160 lines must be the 1920x1080 lines with every size doubled (same pages,
    same line texts in the same order, font sizes times the ratio of the short sides).
Exit 2 when a file cannot be read.
"""
import argparse
import json
import sys
from collections import defaultdict


def load(folder):
    try:
        with open(f"{folder}/lines.json", encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError) as error:
        print(f"error: cannot read {folder}/lines.json: {error}", file=sys.stderr)
        sys.exit(2)


def small_lines(run, minimum):
    limit = minimum * run["short_side"]
    found = []
    for page in run["pages"]:
        for line in page["lines"]:
            if line["px"] < limit - 1e-6:
                found.append(f'{page["file"]}: {line["role"]} at {line["px"]} px '
                             f'(< {limit:.1f}): {line["text"]}')
    return found


def split_rows(run):
    pages_of_row = defaultdict(set)
    for page in run["pages"]:
        for line in page["lines"]:
            if "row" in line:
                pages_of_row[(page["notice"], line["row"])].add(page["page"])
    return [f"{notice}: row {row + 1} is on pages {sorted(pages)}"
            for (notice, row), pages in sorted(pages_of_row.items()) if len(pages) > 1]


def scale_differences(small, large):
    ratio = large["short_side"] / small["short_side"]
    if abs(small["width"] * ratio - large["width"]) > 0.5 or abs(small["height"] * ratio - large["height"]) > 0.5:
        return [f'{small["width"]}x{small["height"]} and {large["width"]}x{large["height"]} differ in shape']
    found = []
    files_small = [page["file"] for page in small["pages"]]
    files_large = [page["file"] for page in large["pages"]]
    if files_small != files_large:
        found.append(f"different pages: {files_small} vs {files_large}")
    for page_small, page_large in zip(small["pages"], large["pages"]):
        texts_small = [(line["role"], line["text"]) for line in page_small["lines"]]
        texts_large = [(line["role"], line["text"]) for line in page_large["lines"]]
        if texts_small != texts_large:
            found.append(f'{page_small["file"]}: different lines')
            continue
        for line_small, line_large in zip(page_small["lines"], page_large["lines"]):
            if abs(line_small["px"] * ratio - line_large["px"]) > 0.5:
                found.append(f'{page_small["file"]}: "{line_small["text"]}" {line_small["px"]} px '
                             f'becomes {line_large["px"]} px, not {line_small["px"] * ratio:g}')
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--min", type=float, default=0.037)
    parser.add_argument("--same-as")
    arguments = parser.parse_args()

    run = load(arguments.folder)
    lines = sum(len(page["lines"]) for page in run["pages"])
    sizes = sorted({line["px"] for page in run["pages"] for line in page["lines"]})
    print(f'{arguments.folder}: {run["width"]}x{run["height"]}, theme {run["theme"]}, '
          f'{len(run["pages"])} page(s), {lines} line(s), sizes {sizes[0] if sizes else "-"}..'
          f'{sizes[-1] if sizes else "-"} px')
    failures = 0
    small = small_lines(run, arguments.min)
    print(f"lines below {arguments.min} of the short side: {len(small)}")
    for text in small:
        print("  " + text)
    split = split_rows(run)
    print(f"table rows split over pages: {len(split)}")
    for text in split:
        print("  " + text)
    failures += len(small) + len(split)
    if arguments.same_as:
        other = load(arguments.same_as)
        pair = sorted([run, other], key=lambda value: value["short_side"])
        differences = scale_differences(pair[0], pair[1])
        print(f'same as {other["width"]}x{other["height"]} scaled: {"yes" if not differences else "no"}')
        for text in differences:
            print("  " + text)
        failures += len(differences)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
