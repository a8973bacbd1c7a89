"""A dask LocalCluster of two workers codes the same events as one process."""
import json
from pathlib import Path

import duckdb
import pytest

pytest.importorskip("distributed")

from onevoice.distributed import code_on_cluster  # noqa: E402
from onevoice.runner import code_paths  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voa-hill-one-voice.txt"

ARTICLES = [
    ("d1", "Turkey and Greece agreed to resume talks over the Aegean. Ferries ran on time."),
    ("d2", "Sudanese troops clashed with rebels near El Fasher. The United Nations urged both "
           "sides to stop the fighting."),
    ("d3", "Canada expelled two Russian diplomats on Friday. Snow closed the airport."),
    ("d4", "Chile recalled its ambassador from Bolivia. A spokesman said he would return soon."),
]


@pytest.mark.distributed
def test_local_cluster_codes_the_same_events(coder, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": t, "date": "2024-02-01"}) + "\n"
                           for i, t in ARTICLES))
    inputs = [src, SAMPLE]
    single = code_paths(inputs, db=tmp_path / "one.duckdb", date="2006-07-07", coder=coder,
                        keep_events=True)
    cluster = code_on_cluster(inputs, "local", workers=2, db=tmp_path / "dask.duckdb",
                              date="2006-07-07", coder=coder, keep_events=True, chunk_size=1)
    assert cluster.documents == single.documents == len(ARTICLES) + 1
    assert sorted(e.id for e in cluster.run_events) == sorted(e.id for e in single.run_events)
    assert len(single.run_events) >= 10
    con = duckdb.connect(str(tmp_path / "dask.duckdb"), read_only=True)
    stored = {r[0] for r in con.execute("select id from events").fetchall()}
    assert stored == {e.id for e in single.run_events}
