//! The benchmark's data set: a deterministic, realistic export file.
//!
//!   cargo run --release --example bench-data -- <records> [seed] > file.json
//!
//! The community itself is `repertoire::domain::sample`: records of all
//! nine kinds with Markdown, topics, members and contributions. The same
//! seed gives the same bytes.

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(count) = args.next().and_then(|a| a.parse::<usize>().ok()) else {
        eprintln!("usage: bench-data <records> [seed]");
        std::process::exit(2);
    };
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(2026);
    let file = repertoire::domain::sample::export(count, seed);
    let mut out = std::io::stdout().lock();
    if out.write_all(file.to_json().as_bytes()).is_err() {
        std::process::exit(1);
    }
}
