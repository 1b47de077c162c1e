"""The Spark runner: the local runner's stage functions on Apache Spark (see runner.py).

Needs the optional dependency `pyspark` (`pip install rashomon[spark]`).
"""

from rashomon.spark.runner import run_spark

__all__ = ["run_spark"]
