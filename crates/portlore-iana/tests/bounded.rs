//! Hostile registry files are refused with an error naming the line, in bounded time
//! and memory: no stack overflow, no quadratic path, no amplification (issue 14, items
//! 6, 7, 8 and 12d–e). Each input here was accepted, crashed or ran for minutes before
//! the limits in `src/limits.rs`.

use portlore_iana::{
    MAX_ATTRIBUTES, MAX_ITEMS_PER_RECORD, MAX_NESTING, MAX_TEXT_BYTES, ParseError, parse_any,
    parse_csv, parse_xml,
};

const HEAD: &str = "<?xml version='1.0' encoding='UTF-8'?>\n<registry xmlns=\"http://www.iana.org/assignments\" id=\"service-names-port-numbers\">\n";

fn registry(records: &str) -> String {
    format!("{HEAD}{records}</registry>\n")
}

fn record_error(text: &str) -> (u64, String) {
    match parse_xml(text.as_bytes()) {
        Err(ParseError::Record { line, message }) => (line, message),
        other => panic!("expected a record error, got {other:?}"),
    }
}

/// 50,000 nested elements in a description overflowed the stack (exit 134) through the
/// recursive text collection. The test thread's 2 MiB stack is smaller than main's.
#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let depth = 50_000;
    let body = format!("{}x{}", "<b>".repeat(depth), "</b>".repeat(depth));
    let text = registry(&format!(
        "<record>\n<name>deep</name><protocol>tcp</protocol><number>7</number>\n<description>{body}</description></record>\n"
    ));
    let (line, message) = record_error(&text);
    assert_eq!(line, 3);
    assert!(message.contains(&MAX_NESTING.to_string()), "{message}");
    // The same in a note.
    let text = registry(&format!(
        "<record><description>d</description><note>{body}</note></record>"
    ));
    assert!(record_error(&text).1.contains("note"));
}

#[test]
fn nesting_within_the_limit_still_reads() {
    let depth = MAX_NESTING - 1;
    let body = format!("{}deep text{}", "<b>".repeat(depth), "</b>".repeat(depth));
    let text = registry(&format!(
        "<record><name>ok</name><protocol>tcp</protocol><number>7</number><description>{body}</description></record>"
    ));
    let reg = parse_xml(text.as_bytes()).expect("parses");
    assert_eq!(reg.records[0].description, "deep text");
}

/// A 50 MB description took 3.4 GB to compile.
#[test]
fn a_huge_description_is_refused_naming_the_record() {
    let text = registry(&format!(
        "<record>\n<name>big</name><protocol>tcp</protocol><number>7</number><description>{}</description></record>",
        "word ".repeat(10_000_000)
    ));
    let (line, message) = record_error(&text);
    assert_eq!(line, 3);
    assert!(message.contains("description"), "{message}");
    assert!(message.contains(&MAX_TEXT_BYTES.to_string()), "{message}");
}

#[test]
fn a_huge_csv_field_is_refused_naming_the_line() {
    let text = format!(
        "Service Name,Port Number,Transport Protocol,Description\nok,1,tcp,fine\nbig,7,tcp,{}\n",
        "x".repeat(MAX_TEXT_BYTES + 1)
    );
    match parse_csv(text.as_bytes()) {
        Err(ParseError::Record { line, message }) => {
            assert_eq!(line, 3);
            assert!(message.contains(&MAX_TEXT_BYTES.to_string()), "{message}");
        }
        other => panic!("expected a record error, got {other:?}"),
    }
}

/// A footnote referenced over and over would be copied into every record.
#[test]
fn repeated_references_cannot_multiply_the_input() {
    let note = "n".repeat(MAX_TEXT_BYTES - 10);
    let refs = "<xref type=\"note\" data=\"1\"/>".repeat(MAX_ITEMS_PER_RECORD + 1);
    let text = format!(
        "{HEAD}<footnote anchor=\"1\">{note}</footnote>\n<record><description>d</description>{refs}</record></registry>"
    );
    let (_, message) = record_error(&text);
    assert!(
        message.contains(&MAX_ITEMS_PER_RECORD.to_string()),
        "{message}"
    );
    // Within the per-record limit, the total is capped: 5,000 records × 64 KiB of notes.
    let refs = "<xref type=\"note\" data=\"1\"/>".repeat(4);
    let records = format!("<record><description>d</description>{refs}</record>\n").repeat(5_000);
    let text = format!("{HEAD}<footnote anchor=\"1\">{note}</footnote>\n{records}</registry>");
    let (_, message) = record_error(&text);
    assert!(message.contains("MiB"), "{message}");
}

/// 200,000 attributes on one record took over 60 s: roxmltree checks each attribute
/// against every earlier one. Refused before roxmltree sees it.
#[test]
fn thousands_of_attributes_are_refused_before_parsing() {
    let attrs: String = (0..200_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let text = registry(&format!(
        "<!-- a comment with = signs = = -->\n<record{attrs}><description>d</description></record>"
    ));
    match parse_xml(text.as_bytes()) {
        Err(ParseError::Xml(message)) => {
            assert!(message.contains("line 4"), "{message}");
            assert!(message.contains(&MAX_ATTRIBUTES.to_string()), "{message}");
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
}

#[test]
fn equals_signs_in_values_text_and_comments_are_not_attributes() {
    let many = "=".repeat(MAX_ATTRIBUTES * 2);
    let text = registry(&format!(
        "<!-- {many} --><record date=\"{many}\" updated='{many}'><name>eq</name><protocol>tcp</protocol><number>7</number><description>a {many} b &gt; c</description><![CDATA[{many}]]></record>"
    ));
    let reg = parse_xml(text.as_bytes()).expect("parses");
    assert_eq!(reg.records.len(), 1);
}

/// An XML file with a byte-order mark was read as CSV, and failed as CSV.
#[test]
fn xml_with_a_byte_order_mark_is_read_as_xml() {
    let plain = include_str!("fixtures/mini.xml");
    let with_bom = format!("\u{feff}{plain}");
    let reg = parse_any(with_bom.as_bytes()).expect("parses as XML");
    assert_eq!(reg.records.len(), 9);
    assert_eq!(reg.updated.as_deref(), Some("2026-01-02"));
    let direct = parse_xml(with_bom.as_bytes()).expect("parse_xml accepts the mark too");
    assert_eq!(direct.records, reg.records);
    let csv = format!("\u{feff}{}", include_str!("fixtures/mini.csv"));
    assert!(!parse_any(csv.as_bytes()).unwrap().records.is_empty());
}

/// `--registry` accepted a CSV whose quote never closes: the csv crate reads the rest of
/// the file into one field.
#[test]
fn an_unterminated_csv_quote_is_an_error_naming_its_line() {
    let text = "Service Name,Port Number,Transport Protocol,Description\na,1,tcp,ok\nb,2,tcp,\"never closed\nc,3,tcp,swallowed\n";
    for result in [parse_csv(text.as_bytes()), parse_any(text.as_bytes())] {
        match result {
            Err(ParseError::Csv { line, message }) => {
                assert_eq!(line, 3);
                assert!(message.contains("never closed"), "{message}");
            }
            other => panic!("expected a CSV error, got {other:?}"),
        }
    }
}

#[test]
fn quotes_that_close_and_literal_quotes_still_read() {
    let text = "Service Name,Port Number,Transport Protocol,Description\na,1,tcp,\"has \"\"quoted\"\" words, and a comma\"\nb,2,tcp,5\" floppy\n\"c\",3,tcp,\"two\nlines\"\n";
    let reg = parse_csv(text.as_bytes()).expect("parses");
    assert_eq!(reg.records.len(), 3);
    assert_eq!(
        reg.records[0].description,
        "has \"quoted\" words, and a comma"
    );
    assert_eq!(reg.records[1].description, "5\" floppy");
    assert_eq!(reg.records[2].description, "two\nlines");
}
