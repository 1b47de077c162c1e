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

from pyspark.sql import SparkSession

# Few partitions: the per-task overhead dominates with the default 200 on small corpora; a
# cluster run raises it with `--conf spark.sql.shuffle.partitions=...`.
DEFAULT_SHUFFLE_PARTITIONS = 8
# The driver only collects compact records (ids, dates, story vectors' inputs) and the briefs.
DEFAULT_DRIVER_MEMORY = "1g"


def spark_session(master: str = "local[2]", app_name: str = "rashomon",
                  shuffle_partitions: int = DEFAULT_SHUFFLE_PARTITIONS,
                  driver_memory: str = DEFAULT_DRIVER_MEMORY) -> SparkSession:
    """A SparkSession for `master`, reusing an active one (tests, spark-submit) when there is one.

    The Python workers must run the same interpreter as the driver (the venv that has Rashomon's
    dependencies), hence PYSPARK_PYTHON.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (
        SparkSession.builder.master(master)
        .appName(app_name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.default.parallelism", str(shuffle_partitions))
        .config("spark.driver.memory", driver_memory)
        # Results of a whole corpus (the briefs) can exceed the 1g default on big runs.
        .config("spark.driver.maxResultSize", "0")
        .config("spark.python.worker.reuse", "true")
        .config("spark.sql.execution.arrow.pyspark.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
    )
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session
