//! Just enough DER to read a certificate's subject and issuer names.

/// One TLV: tag, and the content's range in the input.
fn tlv(b: &[u8], at: usize) -> Option<(u8, usize, usize)> {
    let tag = *b.get(at)?;
    let first = *b.get(at + 1)?;
    let (len, head) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = (len << 8) | usize::from(*b.get(at + 2 + i)?);
        }
        (len, 2 + n)
    };
    let start = at + head;
    let end = start.checked_add(len)?;
    (end <= b.len()).then_some((tag, start, end))
}

/// The children of a constructed value.
fn children(b: &[u8], start: usize, end: usize) -> Vec<(u8, usize, usize)> {
    let mut out = Vec::new();
    let mut at = start;
    while at < end {
        let Some(t) = tlv(&b[..end], at) else { break };
        at = t.2;
        out.push(t);
        if out.len() > 64 {
            break;
        }
    }
    out
}

/// Subject and issuer of a certificate, as `CN=…, O=…` (not escaped yet).
pub fn names(cert: &[u8]) -> Option<(String, String)> {
    let (_, cs, ce) = tlv(cert, 0)?;
    let (_, ts, te) = *children(cert, cs, ce).first()?;
    let mut tbs = children(cert, ts, te);
    if tbs.first()?.0 == 0xa0 {
        tbs.remove(0); // explicit version
    }
    // serial, signature, issuer, validity, subject
    let issuer = tbs.get(2)?;
    let subject = tbs.get(4)?;
    Some((
        name(cert, subject.1, subject.2),
        name(cert, issuer.1, issuer.2),
    ))
}

fn name(b: &[u8], start: usize, end: usize) -> String {
    let mut parts = Vec::new();
    for (_, ss, se) in children(b, start, end) {
        for (_, as_, ae) in children(b, ss, se) {
            let kids = children(b, as_, ae);
            let (Some(oid), Some(val)) = (kids.first(), kids.get(1)) else {
                continue;
            };
            let label = match &b[oid.1..oid.2] {
                [0x55, 0x04, 0x03] => "CN",
                [0x55, 0x04, 0x0a] => "O",
                [0x55, 0x04, 0x0b] => "OU",
                [0x55, 0x04, 0x06] => "C",
                _ => continue,
            };
            parts.push(format!(
                "{label}={}",
                String::from_utf8_lossy(&b[val.1..val.2])
            ));
        }
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn survives_garbage() {
        assert!(super::names(&[]).is_none());
        assert!(super::names(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]).is_none());
        assert!(super::names(&[0x30; 100]).is_none());
    }
}
