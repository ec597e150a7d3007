"""Reads `perf script` output (call graphs) on stdin and prints, for every sample whose stack
contains TARGET, which function TARGET called: the inclusive cost of each callee, as a share
of all samples. Used by scripts/profile.
Usage: perf script -i DATA | python3 perf-children.py TARGET [N]"""
import collections
import re
import sys

target = sys.argv[1]
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 20
stacks = sys.stdin.read().split('\n\n')
callees = collections.Counter()
inside = 0
for stack in stacks:
    frames = [line.strip() for line in stack.strip().split('\n')[1:] if line.strip()]
    frames = [re.sub(r'\+0x[0-9a-f]+$', '', re.sub(r'^[0-9a-f]+ ', '', f).rsplit(' (', 1)[0]) for f in frames]
    for depth, frame in enumerate(frames):  # leaf first
        if target in frame:
            inside += 1
            callees[frames[depth - 1][:110] if depth > 0 else '(itself)'] += 1
            break
total = max(len(stacks), 1)
print(f"{target}: {inside} of {total} samples ({100 * inside / total:.1f}%), by callee:")
for name, count in callees.most_common(limit):
    print(f"  {100 * count / total:5.1f}%  {name}")
