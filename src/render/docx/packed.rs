//! Parts ready for the archive: fixed, checksummed and Deflated once, with the
//! per-thread compressors and the cache of parts that come out the same for many
//! documents. Apart from the zip writer because what is cached is the compressed
//! part, and apart from the fix-up because the cache does not care what a fix does.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use anyhow::Context;

/// One part of the package, fixed and compressed, ready to be stored in the archive.
pub(super) struct Packed {
    pub(super) name: Cow<'static, str>,
    pub(super) crc: u32,
    pub(super) size: u32,
    pub(super) deflated: Vec<u8>,
}

impl Packed {
    fn new(name: Cow<'static, str>, bytes: &[u8], cached: bool) -> anyhow::Result<Self> {
        let mut crc = flate2::Crc::new();
        crc.update(bytes);
        Ok(Self {
            name,
            crc: crc.sum(),
            size: u32::try_from(bytes.len()).context("a part larger than 4 GiB")?,
            deflated: deflate(if cached { &BEST } else { &FAST }, bytes)?,
        })
    }
}

thread_local! {
    /// Compressors, one per thread and level, reset between parts: creating one
    /// allocates and clears its window and hash tables, which cost more than
    /// compressing a small part. Parts made for one document use a fast level (a
    /// fraction of the time of level 6 for about 10 % larger files); parts that are cached
    /// are compressed once, so they get the smallest output.
    static FAST: RefCell<flate2::Compress> =
        RefCell::new(flate2::Compress::new(flate2::Compression::new(2), false));
    static BEST: RefCell<flate2::Compress> =
        RefCell::new(flate2::Compress::new(flate2::Compression::best(), false));

    /// Parts already fixed and compressed on this thread, by part name and docx-rs's
    /// bytes. Most parts (styles, settings, fonts, footer, and the header and numbering
    /// of a document kind) come out the same for every location; the fix-up is a pure
    /// function of those bytes, so reusing its result changes nothing in the output.
    static PART_CACHE: RefCell<PartCache> =
        RefCell::new(HashMap::new());
}

/// (cache key, docx-rs's bytes) → the finished part.
type PartCache = HashMap<(&'static str, Vec<u8>), Rc<Packed>>;

/// Enough for every constant part of every document kind in both languages; past it
/// the cache starts afresh, so memory stays bounded whatever the documents.
pub(super) const PART_CACHE_LIMIT: usize = 256;

/// Raw Deflate (no zlib header), as a zip entry stores it.
fn deflate(
    compressor: &'static std::thread::LocalKey<RefCell<flate2::Compress>>,
    bytes: &[u8],
) -> anyhow::Result<Vec<u8>> {
    compressor.with_borrow_mut(|c| {
        c.reset();
        let mut out = Vec::with_capacity(bytes.len() / 4 + 64);
        loop {
            let consumed = usize::try_from(c.total_in()).unwrap_or(usize::MAX);
            let status = c
                .compress_vec(
                    &bytes[consumed.min(bytes.len())..],
                    &mut out,
                    flate2::FlushCompress::Finish,
                )
                .context("compressing a part")?;
            if status == flate2::Status::StreamEnd {
                return Ok(out);
            }
            out.reserve(out.capacity().max(64));
        }
    })
}

/// The part `name` from docx-rs's `raw` bytes through `fix`, taken from this thread's
/// cache when the same bytes have been seen before. `key` tells apart parts whose fix
/// depends on more than the bytes (the styles' language).
pub(super) fn cached(
    name: &'static str,
    key: &'static str,
    raw: &[u8],
    fix: impl FnOnce(&[u8]) -> anyhow::Result<Vec<u8>>,
) -> anyhow::Result<Rc<Packed>> {
    cached_at(name, key, raw, true, fix)
}

/// [`cached`], compressed at the best level (`best`) or the fast one.
pub(super) fn cached_at(
    name: &'static str,
    key: &'static str,
    raw: &[u8],
    best: bool,
    fix: impl FnOnce(&[u8]) -> anyhow::Result<Vec<u8>>,
) -> anyhow::Result<Rc<Packed>> {
    let lookup = (key, raw.to_vec());
    if let Some(hit) = PART_CACHE.with_borrow(|c| c.get(&lookup).cloned()) {
        return Ok(hit);
    }
    let packed = Rc::new(Packed::new(Cow::Borrowed(name), &fix(raw)?, best)?);
    PART_CACHE.with_borrow_mut(|c| {
        if c.len() >= PART_CACHE_LIMIT {
            c.clear();
        }
        c.insert(lookup, Rc::clone(&packed));
    });
    Ok(packed)
}

pub(super) fn fresh(
    name: impl Into<Cow<'static, str>>,
    bytes: &[u8],
) -> anyhow::Result<Rc<Packed>> {
    Ok(Rc::new(Packed::new(name.into(), bytes, false)?))
}
