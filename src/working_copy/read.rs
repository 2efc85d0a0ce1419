//! Reading back a working copy people filled in: one sheet's cells by row, so a re-render
//! keeps what people entered (rows matched by id) and lint reads their status columns. Just
//! enough of the .xlsx format for that: the zip's central directory, stored or deflated
//! entries, shared and inline strings.

use std::collections::BTreeMap;
use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

/// A sheet's text cells: row (1-based) → column (0-based) → text.
pub type Cells = BTreeMap<u32, BTreeMap<u32, String>>;

/// The cells of sheet `index` (0-based, in the workbook's order) of the workbook in
/// `bytes`, or `None` when it is not one or has no such sheet. Both regl's writer and the
/// spreadsheet programs people save with name the parts `sheet1.xml`, `sheet2.xml`, … in
/// the order of the tabs.
pub fn sheet(bytes: &[u8], index: usize) -> Option<Cells> {
    let files = unzip(bytes)?;
    let shared = files
        .get("xl/sharedStrings.xml")
        .map(|x| shared_strings(x))
        .unwrap_or_default();
    let sheet = files.get(&format!("xl/worksheets/sheet{}.xml", index + 1))?;
    Some(cells(sheet, &shared))
}

/// `7` → `H`: a column's letters, for pointing a reader at a cell (`Чек-лист!H12`).
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        out.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

fn u16_at(b: &[u8], i: usize) -> Option<usize> {
    Some(usize::from(u16::from_le_bytes(
        b.get(i..i + 2)?.try_into().ok()?,
    )))
}

fn u32_at(b: &[u8], i: usize) -> Option<usize> {
    usize::try_from(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?)).ok()
}

/// The entries of a zip archive by name, read from its central directory.
fn unzip(b: &[u8]) -> Option<BTreeMap<String, Vec<u8>>> {
    let end = (0..b.len().saturating_sub(21))
        .rev()
        .find(|&i| b[i..].starts_with(&[0x50, 0x4b, 0x05, 0x06]))?;
    let count = u16_at(b, end + 10)?;
    let mut at = u32_at(b, end + 16)?;
    let mut out = BTreeMap::new();
    for _ in 0..count {
        if !b.get(at..)?.starts_with(&[0x50, 0x4b, 0x01, 0x02]) {
            return None;
        }
        let method = u16_at(b, at + 10)?;
        let size = u32_at(b, at + 20)?;
        let (name_len, extra, comment) = (
            u16_at(b, at + 28)?,
            u16_at(b, at + 30)?,
            u16_at(b, at + 32)?,
        );
        let local = u32_at(b, at + 42)?;
        let name = String::from_utf8_lossy(b.get(at + 46..at + 46 + name_len)?).into_owned();
        at += 46 + name_len + extra + comment;
        let data_at = local + 30 + u16_at(b, local + 26)? + u16_at(b, local + 28)?;
        let raw = b.get(data_at..data_at + size)?;
        let data = match method {
            0 => raw.to_vec(),
            8 => {
                let mut v = Vec::new();
                flate2::read::DeflateDecoder::new(raw)
                    .read_to_end(&mut v)
                    .ok()?;
                v
            }
            _ => continue,
        };
        out.insert(name, data);
    }
    Some(out)
}

fn shared_strings(xml: &[u8]) -> Vec<String> {
    let mut r = Reader::from_reader(xml);
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let mut in_t = false;
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"si" => cur = Some(String::new()),
                b"t" => in_t = true,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"si" => out.push(cur.take().unwrap_or_default()),
                b"t" => in_t = false,
                _ => {}
            },
            Ok(Event::Text(t)) if in_t => {
                if let (Some(c), Ok(s)) = (cur.as_mut(), t.xml10_content()) {
                    c.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(g)) if in_t => {
                if let (Some(c), Some(s)) = (cur.as_mut(), entity(&g)) {
                    c.push_str(&s);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

/// A general or character reference's text: `amp`, `#1073`, `#x431`.
fn entity(g: &[u8]) -> Option<String> {
    let named = match g {
        b"amp" => "&",
        b"lt" => "<",
        b"gt" => ">",
        b"quot" => "\"",
        b"apos" => "'",
        _ => {
            let s = std::str::from_utf8(g.strip_prefix(b"#")?).ok()?;
            let code = match s.strip_prefix('x').or_else(|| s.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => s.parse().ok()?,
            };
            return char::from_u32(code).map(String::from);
        }
    };
    Some(named.to_owned())
}

/// `B12` → (12, 1).
fn cell_ref(r: &str) -> Option<(u32, u32)> {
    let letters: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: u32 = r[letters.len()..].parse().ok()?;
    let col = letters.bytes().fold(0u32, |acc, c| {
        acc * 26 + u32::from(c.to_ascii_uppercase() - b'A' + 1)
    });
    Some((row, col.checked_sub(1)?))
}

fn cells(xml: &[u8], shared: &[String]) -> Cells {
    let mut r = Reader::from_reader(xml);
    let mut out = Cells::new();
    let mut at: Option<(u32, u32)> = None;
    let mut kind = String::new();
    let mut text = String::new();
    let mut in_value = false;
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"c" => {
                    at = None;
                    kind.clear();
                    text.clear();
                    for a in e.attributes().flatten() {
                        let v = String::from_utf8_lossy(&a.value).into_owned();
                        match a.key.local_name().as_ref() {
                            b"r" => at = cell_ref(&v),
                            b"t" => kind = v,
                            _ => {}
                        }
                    }
                }
                b"v" | b"t" => in_value = true,
                _ => {}
            },
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"v" | b"t" => in_value = false,
                b"c" => {
                    if let Some((row, col)) = at.take() {
                        let value = if kind == "s" {
                            text.trim()
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| shared.get(i).cloned())
                                .unwrap_or_default()
                        } else {
                            std::mem::take(&mut text)
                        };
                        if !value.is_empty() {
                            out.entry(row).or_default().insert(col, value);
                        }
                    }
                    text.clear();
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_value => {
                if let Ok(s) = t.xml10_content() {
                    text.push_str(&s);
                }
            }
            Ok(Event::GeneralRef(g)) if in_value => {
                if let Some(s) = entity(&g) {
                    text.push_str(&s);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_both_ways() {
        assert_eq!(cell_ref("B12"), Some((12, 1)));
        assert_eq!(cell_ref("AA3"), Some((3, 26)));
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(7), "H");
        assert_eq!(column_letters(26), "AA");
    }
}
