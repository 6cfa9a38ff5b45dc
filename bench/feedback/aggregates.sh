#!/usr/bin/env bash
# Aggregates at scale (issue 14): seeds VOTES (default 1,000,000) votes into a fresh
# SQLite file and a fresh PostgreSQL schema, then times the feedback overview alone and
# vote latency alone and while six readers hammer the overview. With the vote count set,
# the test asserts the goals: overview median within 50 ms, votes under readers no slower
# than twice their latency alone plus 20 ms. PostgreSQL is skipped with a reason when no
# server answers on 127.0.0.1:5432 (override with PORTLORE_TEST_POSTGRES).
#
#   bash bench/feedback/aggregates.sh          # from the repository root
set -euo pipefail
cd "$(dirname "$0")/../.."
PORTLORE_BENCH_VOTES="${VOTES:-1000000}" \
  cargo test --release -p portlore-web --test api_aggregates -- --nocapture --test-threads=1
