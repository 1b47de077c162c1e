"""The SparkSession Rashomon's Spark runner uses.

Spark comes from the pip-installed `pyspark` (its bundled jars), so nothing is downloaded at run
time. The defaults suit a laptop or a CI box with two cores: no web UI (it opens a port and costs
memory), few shuffle partitions (the default 200 makes tiny jobs spend most of their time
scheduling empty tasks) and a modest driver heap. On a cluster, `spark-submit` settings win:
`getOrCreate` reuses the session spark-submit created.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pyspark.sql import SparkSession

# Few partitions: the per-task overhead dominates with the default 200 on small corpora; a
# cluster run raises it with `--conf spark.sql.shuffle.partitions=...`.
DEFAULT_SHUFFLE_PARTITIONS = 8
LOG_CONFIG = Path(__file__).with_name("log4j2.properties")
# The driver only collects compact records (ids, dates, story vectors' inputs) and the briefs.
DEFAULT_DRIVER_MEMORY = "1g"


def spark_session(master: str = "local[2]", app_name: str = "rashomon",
                  shuffle_partitions: int = DEFAULT_SHUFFLE_PARTITIONS,
                  driver_memory: str = DEFAULT_DRIVER_MEMORY) -> SparkSession:
    """A SparkSession for `master`, reusing an active one (tests) when there is one.

    Under spark-submit (the JVM is already running, PYSPARK_GATEWAY_PORT is set) the master,
    memory and Python interpreter come from spark-submit and are left alone. Otherwise the Python
    workers run the driver's interpreter (the venv with Rashomon's dependencies).
    """
    if under_spark_submit():
        return SparkSession.builder.appName(app_name).getOrCreate()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.driver.memory", driver_memory)
        # Results of a whole corpus (the briefs) can exceed the 1g default on big runs.
        .config("spark.driver.maxResultSize", "0")
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.execution.arrow.pyspark.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
    )
    if LOG_CONFIG.exists():  # package data: absent if the wheel was built without it
        builder = builder.config("spark.driver.extraJavaOptions", f"-Dlog4j2.configurationFile={LOG_CONFIG.as_uri()}")
    if os.environ.get("RASHOMON_SPARK_PRELOAD", "1") != "0":
        # Workers fork from a daemon that has already imported and warmed up the stages.
        builder = builder.config("spark.python.daemon.module", "rashomon.spark.daemon")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def under_spark_submit() -> bool:
    """True when spark-submit launched this driver (it passes its JVM's gateway port)."""
    return "PYSPARK_GATEWAY_PORT" in os.environ
