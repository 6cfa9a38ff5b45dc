//! The one rewrite of the raw command line before clap sees it.
//!
//! nmap spells XML output `-oX FILE`. clap cannot: it would read `-o` with the value `X`,
//! and FILE as one more target. So `-oX FILE` (and `-oX=FILE`, `-oXFILE`) becomes
//! `--xml FILE` here, once, for every binary; any other nmap output letter gets a clear
//! error instead of being mistaken for a target.

use std::ffi::OsString;

/// `argv` with nmap's `-oX FILE` turned into `--xml FILE`, or why it cannot be.
pub fn rewrite(argv: impl IntoIterator<Item = OsString>) -> Result<Vec<OsString>, String> {
    let mut out = Vec::new();
    let mut rest = argv.into_iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            out.push(arg);
            out.extend(rest);
            break;
        }
        let Some(text) = arg.to_str() else {
            out.push(arg);
            continue;
        };
        let Some(tail) = text.strip_prefix("-o") else {
            out.push(arg);
            continue;
        };
        match tail.strip_prefix('X') {
            Some("") => match rest.next() {
                Some(file) => out.extend([OsString::from("--xml"), file]),
                None => return Err("-oX needs a FILE".to_string()),
            },
            Some(file) => {
                let file = file.strip_prefix('=').unwrap_or(file);
                out.extend([OsString::from("--xml"), OsString::from(file)]);
            }
            None if tail.is_empty()
                || tail.len() == 1
                || tail.starts_with(['N', 'G', 'A', 'S']) =>
            {
                return Err(format!(
                    "unsupported output option {text}: only -oX FILE (nmap XML) is supported"
                ));
            }
            None => out.push(arg),
        }
    }
    Ok(out)
}

/// Whether the raw command line asks for JSON (`--json`, `--format json`,
/// `--format=json`), so that even a usage error is reported as JSON.
pub fn wants_json(argv: &[OsString]) -> bool {
    argv.iter().enumerate().any(|(i, a)| {
        a == "--json"
            || a == "--format=json"
            || (a == "--format" && argv.get(i + 1).is_some_and(|v| v == "json"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Vec<String>, String> {
        rewrite(args.iter().map(OsString::from))
            .map(|v| v.into_iter().map(|a| a.into_string().unwrap()).collect())
    }

    #[test]
    fn nmap_xml_output_becomes_xml() {
        assert_eq!(
            run(&["portlore", "scan", "-oX", "out.xml", "127.0.0.1"]).unwrap(),
            ["portlore", "scan", "--xml", "out.xml", "127.0.0.1"]
        );
        assert_eq!(
            run(&["portlore", "scan", "127.0.0.1", "-oXout.xml"]).unwrap(),
            ["portlore", "scan", "127.0.0.1", "--xml", "out.xml"]
        );
        assert_eq!(
            run(&["portlore", "scan", "-oX=a.xml", "h"]).unwrap(),
            ["portlore", "scan", "--xml", "a.xml", "h"]
        );
    }

    #[test]
    fn other_output_letters_are_refused() {
        for bad in ["-oN", "-oG", "-oA", "-o"] {
            let err = run(&["portlore", "scan", bad, "f", "h"]).unwrap_err();
            assert!(err.contains("only -oX FILE"), "{bad}: {err}");
        }
        assert_eq!(
            run(&["portlore", "scan", "h", "-oX"]).unwrap_err(),
            "-oX needs a FILE"
        );
    }

    #[test]
    fn everything_else_is_untouched() {
        let same = ["portlore", "scan", "-p-", "-T4", "--xml", "x", "--", "-oX"];
        assert_eq!(run(&same).unwrap(), same);
        assert_eq!(
            run(&["portlore", "-output"]).unwrap(),
            ["portlore", "-output"]
        );
    }

    #[test]
    fn json_is_seen_before_parsing() {
        let argv = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert!(wants_json(&argv(&["portlore", "70000", "--json"])));
        assert!(wants_json(&argv(&[
            "portlore", "search", "--format", "json"
        ])));
        assert!(wants_json(&argv(&["portlore", "--format=json", "x"])));
        assert!(!wants_json(&argv(&["portlore", "--format", "text"])));
    }
}
