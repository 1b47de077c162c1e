"""A real standalone cluster (a master and a worker, each its own JVM, started from pip-installed
pyspark's `spark-class`): `rashomon brief --engine spark --master spark://...` gives the local
brief. Unlike local mode, executors run in their own working directory and Python processes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from repo_paths import ROOT

pyspark = pytest.importorskip("pyspark")

SPARK_CLASS = Path(pyspark.__file__).parent / "bin" / "spark-class"
RASHOMON = Path(sys.executable).parent / "rashomon"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(log: Path, text: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if log.exists() and text in log.read_text(errors="replace"):
            return
        time.sleep(0.5)
    raise TimeoutError(f"{text!r} not in {log}:\n{log.read_text(errors='replace')[-2000:]}")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not SPARK_CLASS.exists() or not RASHOMON.exists():
        pytest.skip("pyspark's spark-class or the rashomon command is missing")
    logs = tmp_path_factory.mktemp("cluster")
    port = _free_port()
    env = {**os.environ, "SPARK_WORKER_DIR": str(logs / "work"), "SPARK_LOCAL_IP": "127.0.0.1"}
    started = []
    try:
        with open(logs / "master.log", "w") as out:
            master = [str(SPARK_CLASS), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                      "--port", str(port), "--webui-port", str(_free_port())]
            started.append(subprocess.Popen(master, stdout=out, stderr=subprocess.STDOUT, env=env))
        _wait_for(logs / "master.log", "New state: ALIVE")
        with open(logs / "worker.log", "w") as out:
            started.append(subprocess.Popen(
                [str(SPARK_CLASS), "org.apache.spark.deploy.worker.Worker", f"spark://127.0.0.1:{port}",
                 "--cores", "2", "--memory", "1g", "--host", "127.0.0.1", "--webui-port", str(_free_port())],
                stdout=out, stderr=subprocess.STDOUT, env=env))
        _wait_for(logs / "master.log", "Registering worker")
        yield f"spark://127.0.0.1:{port}"
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_standalone_cluster_gives_the_local_brief(cluster: str, tmp_path: Path) -> None:
    demo = "examples/demo"  # relative on purpose: executors do not run in the driver's directory
    local = subprocess.run([str(RASHOMON), "brief", demo, "--out", str(tmp_path / "local"), "-q"],
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    spark = subprocess.run([str(RASHOMON), "brief", demo, "--out", str(tmp_path / "spark"), "-q",
                            "--engine", "spark", "--master", cluster],
                           cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert local.returncode == spark.returncode == 0, spark.stderr[-2000:]
    briefs = [json.loads((tmp_path / name / "brief.json").read_text()) for name in ("local", "spark")]
    for brief in briefs:
        brief.pop("created")
    assert briefs[0] == briefs[1]
    assert len(briefs[1]["articles"]) == 13 and briefs[1]["rejected"][0]["path"].startswith(demo)


def test_spark_submit_gives_the_local_brief(tmp_path: Path) -> None:
    """The README's entry point: spark-submit runs `rashomon/spark/submit.py`, whose session comes
    from spark-submit (its master wins over ours)."""
    submit = SPARK_CLASS.with_name("spark-submit")
    if not submit.exists() or not RASHOMON.exists():
        pytest.skip("pyspark's spark-submit or the rashomon command is missing")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    done = subprocess.run([str(submit), "--master", "local[2]", "rashomon/spark/submit.py", "brief", "examples/demo",
                           "--engine", "spark", "--out", str(tmp_path / "spark"), "-q"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    subprocess.run([str(RASHOMON), "brief", "examples/demo", "--out", str(tmp_path / "local"), "-q"],
                   cwd=ROOT, check=True, timeout=300)
    briefs = [json.loads((tmp_path / name / "brief.json").read_text()) for name in ("local", "spark")]
    for brief in briefs:
        brief.pop("created")
    assert briefs[0] == briefs[1]
