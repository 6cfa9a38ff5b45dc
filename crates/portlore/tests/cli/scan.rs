//! Tests of `portlore scan`.
