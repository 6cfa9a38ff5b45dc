//! Tests of `portlore local` and `portlore who`.
