"""The Spark recipe of docs/audit.md, run for real: an export piped through `handoff audit -
--partial` per partition (RDD.pipe, local[2]), the partials merged with `handoff audit merge`;
the figures must equal `handoff audit` of the whole file. Only the examples' places differ (a
partition is read from standard input, numbered from its own first line), so they are left out
of the comparison. Usage: python3 tests/audit/spark.py EXPORT.ndjson"""
import json
import os
import subprocess
import sys
import tempfile

from pyspark import SparkContext

CLI = os.path.abspath("target/release/handoff")


def without_places(value):
    if isinstance(value, dict):
        return {k: without_places(v) for k, v in value.items() if k not in ("example", "examples")}
    if isinstance(value, list):
        return [without_places(v) for v in value]
    return value


def main(export):
    sc = SparkContext("local[2]", "handoff-audit")
    sc.setLogLevel("ERROR")
    try:
        rdd = sc.textFile(export, minPartitions=4)
        partitions = rdd.getNumPartitions()
        partials = rdd.pipe(f"{CLI} audit - --partial").collect()
    finally:
        sc.stop()
    assert len(partials) == partitions, (len(partials), partitions)
    tmp = tempfile.mkdtemp(prefix="handoff-spark-")
    # Two files: one partial alone, the others one per line (as saveAsTextFile writes them).
    paths = [os.path.join(tmp, "part-00000"), os.path.join(tmp, "part-00001")]
    with open(paths[0], "w") as f:
        f.write(partials[0])
    with open(paths[1], "w") as f:
        f.write("\n".join(partials[1:]) + "\n")
    run = lambda *args: subprocess.run([CLI, *args], capture_output=True, text=True, check=True).stdout
    merged = json.loads(run("audit", "merge", *paths, "--format", "json"))
    whole = json.loads(run("audit", export, "--format", "json"))
    assert without_places(merged) == without_places(whole), "merged partials differ from the whole"
    assert merged["handoffs"] > 0 and merged["bad_lines"]["count"] == whole["bad_lines"]["count"]
    print(
        f"spark: {partitions} partitions piped through handoff audit --partial, merged: "
        f"{merged['lines']} lines, {merged['handoffs']} handoffs, {merged['bad_lines']['count']} bad, "
        f"SLA met {merged['sla']['met']} / breached {merged['sla']['breached']} - equal to the whole-file audit"
    )


if __name__ == "__main__":
    main(sys.argv[1])
