//! The .docx archive: the frame's parts around this document's core properties,
//! body and relationships (with its hyperlinks), stored as a zip whose every entry
//! is Deflated and dated the zip epoch, so the same parts give the same bytes.

use std::fmt::Write as _;
use std::rc::Rc;

use anyhow::Context;

use super::core_properties::core_properties;
use super::frame::Frame;
use super::packed::{Packed, cached_at, fresh};
use crate::render::doc::DocMeta;

/// The parts of one .docx, in the order they are stored.
pub(super) struct Package {
    parts: Vec<Rc<Packed>>,
}

const HYPERLINK_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

impl Package {
    /// The package: the frame's parts around this document's properties, its body
    /// (`document`, already in schema order) and its relationships, with the external
    /// hyperlinks (`links`, escaped targets in order: the n-th is `rIdHyperlink{n}`, as
    /// the document refers to it).
    pub(super) fn new(
        frame: &Frame,
        meta: &DocMeta,
        document: &[u8],
        links: &[String],
    ) -> anyhow::Result<Self> {
        let mut rels = String::with_capacity(frame.rels.len() + 200 * links.len() + 20);
        rels.push_str(&frame.rels);
        for (i, target) in links.iter().enumerate() {
            let _ = write!(
                rels,
                "<Relationship Id=\"rIdHyperlink{}\" Type=\"{HYPERLINK_TYPE}\" \
                 Target=\"{target}\" TargetMode=\"External\"/>",
                i + 1
            );
        }
        rels.push_str("</Relationships>");
        let mut parts = Vec::with_capacity(frame.head.len() + 3 + frame.tail.len());
        parts.extend(frame.head.iter().cloned());
        parts.push(fresh("docProps/core.xml", &core_properties(meta))?);
        parts.push(fresh("word/document.xml", document)?);
        // The same hyperlinks come back for every location of a document kind. (The
        // fast level, as for every part that depends on the document.)
        parts.push(cached_at(
            "word/_rels/document.xml.rels",
            "word/_rels/document.xml.rels",
            rels.as_bytes(),
            false,
            |raw| Ok(raw.to_vec()),
        )?);
        parts.extend(frame.tail.iter().cloned());
        Ok(Self { parts })
    }

    /// A zip archive of the parts in their fixed order, every entry Deflated and dated
    /// 1980-01-01 00:00 (the zip epoch): same parts, same bytes. Written here rather
    /// than through the zip crate so that compressed parts can be reused as they are.
    pub(super) fn pack(self) -> anyhow::Result<Vec<u8>> {
        const VERSION: u16 = 20;
        /// Unix, so that readers take the permissions below.
        const MADE_BY: u16 = (3 << 8) | VERSION;
        const DEFLATED: u16 = 8;
        /// 1980-01-01 in MS-DOS date format; the time is 00:00:00.
        const DOS_DATE: u16 = (1 << 5) | 1;
        /// A regular file, rw-r--r--.
        const EXTERNAL_ATTRS: u32 = 0o100_644 << 16;

        fn u16le(out: &mut Vec<u8>, v: u16) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        fn u32le(out: &mut Vec<u8>, v: u32) {
            out.extend_from_slice(&v.to_le_bytes());
        }

        let size: usize = self
            .parts
            .iter()
            .map(|p| 2 * p.name.len() + p.deflated.len() + 80)
            .sum();
        let mut out = Vec::with_capacity(size + 22);
        let mut offsets = Vec::with_capacity(self.parts.len());
        for p in &self.parts {
            offsets.push(u32::try_from(out.len()).context("archive larger than 4 GiB")?);
            let name_len = u16::try_from(p.name.len()).context("part name too long")?;
            let deflated_len = u32::try_from(p.deflated.len()).context("part larger than 4 GiB")?;
            u32le(&mut out, 0x0403_4b50);
            u16le(&mut out, VERSION);
            u16le(&mut out, 0);
            u16le(&mut out, DEFLATED);
            u16le(&mut out, 0);
            u16le(&mut out, DOS_DATE);
            u32le(&mut out, p.crc);
            u32le(&mut out, deflated_len);
            u32le(&mut out, p.size);
            u16le(&mut out, name_len);
            u16le(&mut out, 0);
            out.extend_from_slice(p.name.as_bytes());
            out.extend_from_slice(&p.deflated);
        }
        let directory_start = out.len();
        for (p, offset) in self.parts.iter().zip(offsets) {
            u32le(&mut out, 0x0201_4b50);
            u16le(&mut out, MADE_BY);
            u16le(&mut out, VERSION);
            u16le(&mut out, 0);
            u16le(&mut out, DEFLATED);
            u16le(&mut out, 0);
            u16le(&mut out, DOS_DATE);
            u32le(&mut out, p.crc);
            u32le(&mut out, u32::try_from(p.deflated.len())?);
            u32le(&mut out, p.size);
            u16le(&mut out, u16::try_from(p.name.len())?);
            u16le(&mut out, 0); // extra field
            u16le(&mut out, 0); // comment
            u16le(&mut out, 0); // disk
            u16le(&mut out, 0); // internal attributes
            u32le(&mut out, EXTERNAL_ATTRS);
            u32le(&mut out, offset);
            out.extend_from_slice(p.name.as_bytes());
        }
        let entries = u16::try_from(self.parts.len()).context("too many parts")?;
        let directory_len = u32::try_from(out.len() - directory_start)?;
        let directory_start = u32::try_from(directory_start)?;
        u32le(&mut out, 0x0605_4b50);
        u16le(&mut out, 0);
        u16le(&mut out, 0);
        u16le(&mut out, entries);
        u16le(&mut out, entries);
        u32le(&mut out, directory_len);
        u32le(&mut out, directory_start);
        u16le(&mut out, 0);
        Ok(out)
    }
}
