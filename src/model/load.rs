//! Loading `business.toml`: bytes → TOML tree → [`Business`], collecting every load error.

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use super::business::Business;
use super::read::{Cx, FromToml};
use crate::diag::{Diagnostic, FileId, Sources};
use crate::i18n::{Text, t};
use crate::model::enums::Lang;

/// Larger than any real business; refusing early keeps a stray file from eating memory.
pub const MAX_CONFIG_BYTES: usize = 4 * 1024 * 1024;

/// A loaded business and where it came from.
#[derive(Debug)]
pub struct Loaded {
    pub business: Business,
    pub file: FileId,
    pub path: PathBuf,
}

impl Loaded {
    /// The folder relative paths in the config are resolved against.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}

/// Reads and loads `path`, adding its text to `sources`. On failure, every load error.
pub fn load(path: &Path, sources: &mut Sources) -> Result<Loaded, Vec<Diagnostic>> {
    let shown = path.display();
    let bytes = match read_at_most(path, MAX_CONFIG_BYTES) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(vec![
                Diagnostic::error(t!(
                    "`{shown}` does not exist",
                    "файл `{shown}` не найден"
                ))
                .hint(t!(
                    "create one with `regl init --name NAME --city CITY`, or point at it with `-c`",
                    "создайте его командой `regl init --name NAME --city CITY` или укажите путь к нему через `-c`"
                )),
            ]);
        }
        Err(e) => {
            let d = Diagnostic::error(t!(
                "cannot read `{shown}`: {why}",
                "не удаётся прочитать `{shown}`: {why}",
                shown = shown,
                why = io_reason(&e),
            ));
            return Err(vec![if e.kind() == std::io::ErrorKind::IsADirectory {
                d.hint(t!(
                    "it has no business.toml in it: run `regl init --name NAME --city CITY` there, or point `-c` at the file",
                    "в этой папке нет business.toml: запустите в ней `regl init --name NAME --city CITY` или укажите файл через `-c`"
                ))
            } else {
                d
            }]);
        }
    };
    if bytes.len() > MAX_CONFIG_BYTES {
        // Only the beginning is kept, for the `lang` the messages are printed in.
        let start = &bytes[..bytes.len().min(64 * 1024)];
        let valid = std::str::from_utf8(start).map_or_else(|e| e.valid_up_to(), str::len);
        sources.add(path, String::from_utf8_lossy(&start[..valid]).into_owned());
        // Only `MAX_CONFIG_BYTES + 1` bytes were read: the file's own size is the one to say.
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        let mib = MAX_CONFIG_BYTES / (1024 * 1024);
        let (en, ru) = (megabytes(size, Lang::En), megabytes(size, Lang::Ru));
        return Err(vec![
            Diagnostic::error(Text::new(
                format!("`{shown}` is {en} MB: a business.toml is at most {mib} MB"),
                format!("`{shown}` занимает {ru} МБ: business.toml не может быть больше {mib} МБ"),
            ))
            .hint(t!(
                "a business with a thousand locations takes about 3 MB: check that `-c` names the business file",
                "business.toml с тысячей филиалов занимает около 3 МБ: проверьте, что `-c` указывает на файл бизнеса"
            )),
        ]);
    }
    let text = match utf8_text(&bytes) {
        Ok(text) => text,
        Err(valid) => {
            let prefix = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let file = sources.add(path, prefix);
            return Err(vec![
                Diagnostic::error(t!(
                    "`{shown}` is not UTF-8 text",
                    "`{shown}` — не текст в кодировке UTF-8"
                ))
                .at(
                    file,
                    valid..valid,
                    t!("this byte is not UTF-8", "этот байт — не UTF-8"),
                )
                .hint(t!(
                    "save the file as UTF-8 (most editors: «Save with encoding» → UTF-8)",
                    "сохраните файл в кодировке UTF-8 (в большинстве редакторов: «Сохранить в кодировке» → UTF-8)"
                )),
            ]);
        }
    };
    let file = sources.add(path, text);
    let text = &sources.get(file).text;
    parse(text, file).map(|business| Loaded {
        business,
        file,
        path: path.to_path_buf(),
    })
}

/// The tables only a business.toml has: a file with none of them is another file.
const OWN_TABLES: [&str; 5] = ["business", "locations", "services", "bot", "escalation"];

/// A size in megabytes (MiB, as the limit is counted), one decimal: «4,8».
fn megabytes(bytes: u64, lang: Lang) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    let comma = match lang {
        Lang::Ru => ',',
        Lang::En => '.',
    };
    format!("{}{comma}{}", tenths / 10, tenths % 10)
}

/// What [`read_at_most`] says of a named pipe, a socket or a device.
const NOT_A_FILE: &str = "it is a named pipe or a device, not a regular file";

/// Why a file could not be read: the system's own words, and in Russian what they mean
/// when it is one of the common reasons.
pub fn io_reason(e: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    let en = e.to_string();
    if en == NOT_A_FILE {
        return Text::new(
            NOT_A_FILE,
            "это именованный канал или устройство, а не обычный файл",
        );
    }
    let ru = match e.kind() {
        ErrorKind::PermissionDenied => "нет прав на чтение",
        ErrorKind::IsADirectory => "это папка, а не файл",
        ErrorKind::NotFound => "файл не найден",
        ErrorKind::InvalidData => "данные не читаются",
        _ => return Text::same(en),
    };
    Text::new(en.clone(), format!("{ru} ({en})"))
}

/// `bytes` as text, checked with SIMD first (std's check is the slower by far on
/// Cyrillic: 6 % of a 1,000-location lint); `Err` holds how many leading bytes are UTF-8.
pub fn utf8_text(bytes: &[u8]) -> Result<String, usize> {
    simdutf8::basic::from_utf8(bytes)
        .map(str::to_owned)
        .map_err(|_| std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), str::len))
}

/// Reads at most `max + 1` bytes: enough to tell a file is too large without reading a
/// multi-gigabyte file, or a device such as `/dev/zero`, until memory runs out.
///
/// Only a regular file (or a link to one) is opened: opening a named pipe waits for a writer
/// and reading a device may never end, so a FIFO or a device given as `business.toml`, a bot
/// config or a scenario is refused at once, before it is opened.
pub fn read_at_most(path: &Path, max: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() && !meta.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NOT_A_FILE,
        ));
    }
    // Room for the whole file at once (and the byte that tells it grew): growing the buffer
    // by doubling copied each of a thousand bot configs several times over.
    let room = usize::try_from(meta.len()).unwrap_or(max).min(max) + 1;
    let mut bytes = Vec::with_capacity(room);
    std::fs::File::open(path)?
        .take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Parses the text of a `business.toml` registered as `file`.
pub fn parse(text: &str, file: FileId) -> Result<Business, Vec<Diagnostic>> {
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        let mut dates: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for e in syntax {
            let span = e.span().unwrap_or(0..0);
            // A Russian date (`01.12.2026`) gives the parser two number errors on one line:
            // one finding instead, with the form TOML reads.
            let line_start = text[..span.start.min(text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line_end = text[line_start..]
                .find('\n')
                .map_or(text.len(), |i| line_start + i);
            if let Some((range, iso)) =
                super::toml_syntax::russian_date(&text[line_start..line_end])
            {
                if !dates.contains(&line_start) {
                    dates.push(line_start);
                    let shown = &text[line_start + range.start..line_start + range.end];
                    out.push(
                        Diagnostic::error(t!(
                            "`{shown}` is not a TOML date",
                            "`{shown}` — не дата TOML"
                        ))
                        .at(
                            file,
                            line_start + range.start..line_start + range.end,
                            Text::default(),
                        )
                        .hint(t!(
                            "write it year first, without quotes: {iso}",
                            "пишите сначала год, без кавычек: {iso}"
                        )),
                    );
                }
                continue;
            }
            out.push(
                Diagnostic::error(super::toml_syntax::message(e.message())).at(
                    file,
                    span,
                    Text::default(),
                ),
            );
        }
        return Err(out);
    }
    // An empty file, or one with none of a business's own tables (another project's TOML
    // given to `-c`), is one finding, not a dozen missing keys.
    if !root
        .get_ref()
        .keys()
        .any(|k| OWN_TABLES.contains(&k.get_ref().as_ref()))
    {
        let empty = root.get_ref().is_empty();
        return Err(vec![
            Diagnostic::error(if empty {
                t!(
                    "business.toml holds no settings",
                    "в business.toml нет ни одной настройки"
                )
            } else {
                t!(
                    "this is not a business.toml: it has none of [business], [[locations]], [[services]], [bot]",
                    "это не business.toml: в нём нет ни [business], ни [[locations]], ни [[services]], ни [bot]"
                )
            })
            .at(file, 0..0, Text::default())
            .hint(t!(
                "run `regl init --name NAME --city CITY` to write one with every setting explained, or point `-c` at the business's own file",
                "запустите `regl init --name NAME --city CITY`: он запишет файл со всеми настройками и пояснениями, или укажите через `-c` файл бизнеса"
            )),
        ]);
    }
    let root = toml::Spanned::new(root.span(), toml::de::DeValue::Table(root.into_inner()));
    let mut cx = Cx::new(file);
    let business = Business::from_toml(&root, &mut cx);
    match business {
        Some(b) if cx.errors.is_empty() => Ok(b),
        _ => {
            let mut errors = cx.errors;
            errors.sort_by_key(|d| d.primary().map(|l| l.span.start));
            if errors.is_empty() {
                errors.push(
                    Diagnostic::error(Text::new(
                        "business.toml could not be read",
                        "не удалось прочитать business.toml",
                    ))
                    .at(file, 0..0, Text::default()),
                );
            }
            Err(errors)
        }
    }
}
