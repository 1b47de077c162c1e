"""Entry point for spark-submit: the `rashomon` command line, run as a Spark application.

    spark-submit --master spark://head:7077 rashomon/spark/submit.py \\
        brief /shared/news --engine spark --out /shared/briefs --parquet /shared/tables

spark-submit's --master and resources win over `--master` (see `session.spark_session`).
"""

from rashomon.cli import main

if __name__ == "__main__":
    main()
