"""Hyte-haku retrieval library: the index (Chroma + Finnish lexical), search, answers, eval."""

import os

# The embedding engines use OpenMP. Its worker threads spin while they wait for work, which
# on a busy laptop (another process on the cores) turns a 20 ms query into seconds; waiting
# passively costs nothing measurable when the machine is idle. Set before any engine loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
