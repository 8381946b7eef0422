#!/usr/bin/python3
"""Checks the layout rules of sim/ (sim/README.md): every source sits in one of the folders listed
there, in their order; a file includes sim headers only from its own folder or a folder listed
before it (data flows down the list, never back up); no sim source is longer than MAX_LINES.
Usage: check_layers.py REPO_ROOT. Prints every violation and exits 1 if there is any."""
import pathlib
import re
import sys

MAX_LINES = 600
# Sources still waiting for their split (issue #15): each is named with the work that removes it.
OVER_LENGTH_FOR_NOW = {}
INCLUDE = re.compile(r'^\s*#\s*include\s+"sim/([a-z_]+)/([^"]+)"', re.M)


def folder_order(readme):
    # The folders are the `sim/NAME/` entries of the numbered list in sim/README.md, in order.
    order = re.findall(r"^\d+\. \*\*`sim/([a-z_]+)/`\*\*", readme.read_text(), re.M)
    if not order:
        sys.exit(f"{readme}: no numbered list of `sim/NAME/` folders found")
    return order


def main():
    root = pathlib.Path(sys.argv[1]).resolve()
    sim = root / "sim"
    order = folder_order(sim / "README.md")
    rank = {name: i for i, name in enumerate(order)}
    problems = []
    present = sorted(p.name for p in sim.iterdir() if p.is_dir())
    for name in present:
        if name not in rank:
            problems.append(f"sim/{name}/: a folder sim/README.md does not list")
    for name in order:
        if name not in present:
            problems.append(f"sim/README.md lists sim/{name}/, which does not exist")
    for path in sorted(sim.rglob("*")):
        if path.suffix not in (".cpp", ".hpp", ".inc"):
            continue
        relative = path.relative_to(root)
        if path.parent == sim:
            problems.append(f"{relative}: sources live in a folder of sim/, not in sim/ itself")
            continue
        text = path.read_text()
        lines = text.count("\n")
        if lines > MAX_LINES and str(relative) not in OVER_LENGTH_FOR_NOW:
            problems.append(f"{relative}: {lines} lines, over {MAX_LINES}: split it by concern")
        own = path.parent.name
        for number, line in enumerate(text.splitlines(), start=1):
            match = INCLUDE.match(line)
            if not match:
                continue
            target = match.group(1)
            if target not in rank:
                problems.append(f"{relative}:{number}: includes sim/{target}/, not a folder of sim/README.md")
            elif own in rank and rank[target] > rank[own]:
                problems.append(f"{relative}:{number}: sim/{own}/ includes sim/{target}/{match.group(2)}, "
                                f"which comes after it in sim/README.md (an include running back up)")
            elif not (sim / target / match.group(2)).exists():
                problems.append(f"{relative}:{number}: includes sim/{target}/{match.group(2)}, which does not exist")
    for problem in problems:
        print(problem)
    print(f"{len(order)} folders, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
