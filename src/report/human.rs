//! rustc-style diagnostics: `error[C101]: …` with the source line, `file:line:col` and a hint.

use std::io::{IsTerminal, Write};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diag::{Diagnostic, Severity, Sources};
use crate::i18n::{Lang, Text, t};

/// Colour on a terminal that shows it (not `TERM=dumb`), or wherever `CLICOLOR_FORCE` asks;
/// never when `NO_COLOR` is set.
pub fn use_colour(terminal: bool) -> bool {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    // no-color.org: a non-empty NO_COLOR wins over everything.
    if var("NO_COLOR").is_some() {
        return false;
    }
    // bixense.com/clicolors: CLICOLOR_FORCE (not "0") colours a pipe too, as CI log
    // viewers that render escapes ask.
    if var("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    // A terminal that says it cannot show escapes (`TERM=dumb`: Emacs shells, some CI).
    terminal && var("TERM").is_none_or(|t| t != "dumb")
}

/// Renders diagnostics as text, one after another.
pub fn render(sources: &Sources, diags: &[Diagnostic], colour: bool, lang: Lang) -> String {
    let renderer = if colour {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for d in diags {
        let report = to_report(sources, d, lang);
        if d.labels.is_empty() {
            // Without a snippet the renderer would join the title and the hint with a bare
            // ` |` gutter line that belongs to no source: each is printed on its own.
            let lines: Vec<String> = report.into_iter().map(|g| renderer.render(&[g])).collect();
            out.push_str(&lines.join("\n"));
        } else {
            out.push_str(&renderer.render(&report));
        }
        out.push_str("\n\n");
    }
    out
}

fn to_report<'a>(sources: &'a Sources, d: &'a Diagnostic, lang: Lang) -> Vec<Group<'a>> {
    let level = match (d.severity, lang) {
        (Severity::Error, Lang::En) => Level::ERROR,
        (Severity::Warning, Lang::En) => Level::WARNING,
        (Severity::Error, Lang::Ru) => Level::ERROR.with_name("ошибка"),
        (Severity::Warning, Lang::Ru) => Level::WARNING.with_name("предупреждение"),
    };
    let help = match lang {
        Lang::En => Level::HELP,
        Lang::Ru => Level::HELP.with_name("подсказка"),
    };
    let mut title = level.primary_title(d.message.get(lang));
    if let Some(code) = d.code {
        title = title.id(code);
    }
    // One snippet per file, in the order the labels name them (primary first).
    let mut files: Vec<_> = d.labels.iter().map(|l| l.file).collect();
    files.dedup();
    let mut seen = Vec::new();
    let mut group = Group::with_title(title);
    for file in files {
        if seen.contains(&file) {
            continue;
        }
        seen.push(file);
        let src = sources.get(file);
        let len = src.text.len();
        let labels = || d.labels.iter().filter(move |l| l.file == file);
        // Only the lines the labels touch go to the renderer: it splits whatever it is
        // given into lines, and a folded snippet shows the same lines, numbered the same.
        let from = labels().map(|l| l.span.start.min(len)).min().unwrap_or(0);
        let to = labels().map(|l| l.span.end.min(len)).max().unwrap_or(0);
        let (first_line, window) = src.excerpt(from, to);
        let text = if d.code == Some("S501") {
            std::borrow::Cow::Owned(redact(&src.text, d, file)[window.clone()].to_owned())
        } else {
            std::borrow::Cow::Borrowed(&src.text[window.clone()])
        };
        let mut snippet = Snippet::source(text)
            .path(src.path.to_string_lossy())
            .line_start(first_line)
            .fold(true);
        for l in labels() {
            let kind = if l.primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            let span = l.span.start.min(len).saturating_sub(window.start)
                ..l.span.end.min(len).saturating_sub(window.start);
            let ann = kind.span(span);
            snippet = snippet.annotation(if l.message.is_empty() {
                ann
            } else {
                ann.label(l.message.get(lang))
            });
        }
        group = group.element(snippet);
    }
    let mut groups = vec![group];
    if let Some(hint) = &d.hint {
        groups.push(Group::with_title(help.secondary_title(hint.get(lang))));
    }
    groups
}

/// The file's text with the secrets a finding points at masked, keeping byte offsets: a
/// pre-commit hook's output ends up in terminals and CI logs, where a shown secret leaks.
/// Within the value, every run of ten or more characters that mixes letters and digits
/// keeps its first four and loses the rest, so the domain stays readable and the token
/// does not.
fn redact(text: &str, d: &Diagnostic, file: crate::diag::FileId) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for l in d.labels.iter().filter(|l| l.file == file && l.primary) {
        let end = l.span.end.min(bytes.len());
        let mut i = l.span.start.min(end);
        while i < end {
            let run = bytes[i..end]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-')
                .count();
            let word = &bytes[i..i + run];
            let mixed =
                word.iter().any(u8::is_ascii_digit) && word.iter().any(u8::is_ascii_alphabetic);
            if run >= 10 && mixed {
                bytes[i + 4..i + run].fill(b'*');
            }
            i += run.max(1);
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned())
}

/// Prints diagnostics to stderr, coloured on a terminal.
pub fn print_stderr(sources: &Sources, diags: &[Diagnostic], lang: Lang) {
    let err = std::io::stderr();
    let mut text = render(sources, diags, use_colour(err.is_terminal()), lang);
    text.push_str(&summary(diags, lang));
    let _ = err.lock().write_all(text.as_bytes());
}

/// "2 errors, 1 warning" with a newline, or nothing when there are no findings.
pub fn summary(diags: &[Diagnostic], lang: Lang) -> String {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags.len() - errors;
    let e = counted(
        errors,
        &Text::new("error", "ошибка"),
        ["ошибки", "ошибок"],
        "errors",
    );
    let w = counted(
        warnings,
        &Text::new("warning", "предупреждение"),
        ["предупреждения", "предупреждений"],
        "warnings",
    );
    let line = match (errors, warnings) {
        (0, 0) => return String::new(),
        (_, 0) => e,
        (0, _) => w,
        _ => t!("{e}, {w}", "{e}, {w}", e = e, w = w),
    };
    format!(
        "{}
",
        line.get(lang)
    )
}

/// «1 ошибка», «2 ошибки», «5 ошибок»; "1 error", "2 errors".
fn counted(n: usize, one: &Text, ru_few_many: [&str; 2], en_many: &str) -> Text {
    let en = if n == 1 { one.en() } else { en_many };
    let ru = match (n % 10, n % 100) {
        (1, r) if r != 11 => one.ru(),
        (2..=4, r) if !(12..=14).contains(&r) => ru_few_many[0],
        _ => ru_few_many[1],
    };
    Text::new(format!("{n} {en}"), format!("{n} {ru}"))
}
