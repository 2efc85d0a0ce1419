//! Deterministic mutations of valid inputs, for the property tests: a fixed-seed xorshift
//! generator and the edits a hurried owner (or a bad merge) makes to a file: a changed byte,
//! a lost or doubled line, a cut-off file, a pasted character, a value of the wrong kind.

#![allow(dead_code)]

/// xorshift64*: small, fast and the same on every machine, so a failure replays exactly.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters that mean something to TOML, JSON, the typographer or a terminal.
const PASTED: &[&str] = &[
    "\"",
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    ".",
    "#",
    "\\",
    "\n",
    "\r\n",
    "\t",
    " ",
    "\0",
    "\u{feff}",
    "\u{a0}",
    "\u{200b}",
    "\u{202e}",
    "ё",
    "Й",
    "«",
    "»",
    "—",
    "😀",
    "𝔘",
    "\u{301}",
    "0",
    "9",
    "-",
    "+",
    ":",
    "e",
    "x",
    "_",
    "\u{1b}[31m",
];

/// Whole values of the wrong kind or at the edges, pasted over a value.
const VALUES: &[&str] = &[
    "\"\"",
    "0",
    "-1",
    "1e999",
    "nan",
    "inf",
    "99999999999999999999",
    "0x7fffffffffffffff",
    "true",
    "[]",
    "{}",
    "[[]]",
    "\"3x\"",
    "\"0s\"",
    "\"100y\"",
    "\"+7 999\"",
    "\"../../etc\"",
    "\"mon-sun 25:00-26:00\"",
    "1979-05-27T07:32:00Z",
    "2026-02-30",
    "\"Asia/Nowhere\"",
    "null",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "-0",
    "1.5",
    "\"https://x.bitrix24.ru/rest/1/abcdefgh12345678/\"",
];

/// One random edit of `text`'s bytes.
pub fn mutate_once(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let lines = line_starts(bytes);
    match rng.below(9) {
        // A byte changed to anything: may leave the file non-UTF-8.
        0 if !bytes.is_empty() => {
            let at = rng.below(bytes.len());
            bytes[at] = u8::try_from(rng.below(256)).unwrap_or(0);
        }
        // A bit flipped.
        1 if !bytes.is_empty() => {
            let at = rng.below(bytes.len());
            bytes[at] ^= 1 << rng.below(8);
        }
        // A line lost.
        2 if lines.len() > 1 => {
            let i = rng.below(lines.len());
            let (s, e) = line_range(bytes, &lines, i);
            bytes.drain(s..e);
        }
        // A line doubled (a duplicate key or table).
        3 if lines.len() > 1 => {
            let i = rng.below(lines.len());
            let (s, e) = line_range(bytes, &lines, i);
            let line = bytes[s..e].to_vec();
            bytes.splice(s..s, line);
        }
        // The file cut off.
        4 => {
            let at = rng.below(bytes.len() + 1);
            bytes.truncate(at);
        }
        // Two lines swapped (a key moved under another table).
        5 if lines.len() > 2 => {
            let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
            let (a, b) = (i.min(j), i.max(j));
            if a != b {
                let (as_, ae) = line_range(bytes, &lines, a);
                let (bs, be) = line_range(bytes, &lines, b);
                let mut out = bytes[..as_].to_vec();
                out.extend_from_slice(&bytes[bs..be]);
                out.extend_from_slice(&bytes[ae..bs]);
                out.extend_from_slice(&bytes[as_..ae]);
                out.extend_from_slice(&bytes[be..]);
                *bytes = out;
            }
        }
        // A value replaced: whatever follows the first `=` or `:` of a line.
        6 | 7 if !lines.is_empty() => {
            let i = rng.below(lines.len());
            let (s, e) = line_range(bytes, &lines, i);
            if let Some(p) = bytes[s..e].iter().position(|&b| b == b'=' || b == b':') {
                let from = s + p + 1;
                let end = if bytes[from..e].last() == Some(&b',') {
                    e - 1
                } else {
                    e
                };
                let end = end.max(from);
                let value = format!(" {}", rng.pick(VALUES));
                bytes.splice(from..end, value.bytes());
            }
        }
        // Something pasted at a character boundary (or not: the byte position is random).
        _ => {
            let at = rng.below(bytes.len() + 1);
            let s = rng.pick(PASTED);
            bytes.splice(at..at, s.bytes());
        }
    }
}

/// One to three edits of `original`.
pub fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..=rng.below(3) {
        mutate_once(rng, &mut bytes);
    }
    bytes
}

fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&s| s < bytes.len())
        .collect()
}

/// Line `i` including its newline.
fn line_range(bytes: &[u8], starts: &[usize], i: usize) -> (usize, usize) {
    let s = starts[i];
    let e = starts.get(i + 1).copied().unwrap_or(bytes.len());
    (s, e)
}
