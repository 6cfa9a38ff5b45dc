//! Integration tests of the feedback store, against real SQLite files and a real
//! PostgreSQL server (a private scratch database per test).

mod migration;
mod privacy;
mod story;
mod support;
