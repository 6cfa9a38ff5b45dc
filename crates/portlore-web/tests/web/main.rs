//! Integration tests of the port site, without sockets where possible (`oneshot`).
//! With `PORTLORE_TEST_REGISTRY` set, they run against the full IANA registry;
//! otherwise against a small fixture.

mod bad_input;
mod escaping;
mod export;
mod locales;
mod pages;
mod registry;
mod server;
mod snapshots;
mod support;
