#!/usr/bin/env bash
# Soak of the real `portlore-full serve` (issue 14): for 30 s (SECS=…) one client,
# 127.0.0.2, holds 4,096 idle HTTP/2 connections that only answer PINGs and 4,096 slow
# HTTP/1 connections that trickle header bytes, from four processes, while normal
# clients on 127.0.0.1 keep asking for pages. Prints the share of normal requests
# answered within 1 s (the goal is at least 99%), the server's log volume, its
# open-file limit after it raised its own, and its peak memory. Loopback only.
#
#   bash bench/soak/run.sh          # from the repository root
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${CARGO_TARGET_DIR:=target}"
export CARGO_TARGET_DIR
cargo build --release -p portlore-full
PORTLORE_SOAK_BIN="$CARGO_TARGET_DIR/release/portlore-full" PORTLORE_SOAK_SECS="${SECS:-30}" \
  cargo test --release -p portlore-web --test api_soak -- --nocapture --test-threads=1 \
  normal_clients_are_served
