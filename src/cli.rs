//! The command line (SPEC §2), as clap derive types. Parsing only: `cmd` runs it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::enums::{Lang, Segment};

/// Regulations as code for small service businesses: one business.toml → documents, bot
/// config and Bitrix24 mapping, kept consistent at every commit.
#[derive(Debug, Parser)]
#[command(name = "regl", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a business from a segment preset, or add a location (city) to an existing one
    Init(InitArgs),
    /// Write the documents of every location: .docx, the SLA sheet (.xlsx) and the manifest
    Render(RenderArgs),
    /// Write the bot scripts of each location and the Bitrix24 field mapping
    Export(ExportArgs),
    /// Set the Bitrix24 portal up from business.toml: a plan first, `--apply` to make it real
    Push(PushArgs),
    /// Check business.toml, the bot configs and the rendered documents against each other;
    /// `--fix` mends the bot configs in place (never business.toml)
    Lint(LintArgs),
    /// Run conversation scenarios through the bot config on a virtual clock
    Test(TestArgs),
    /// Talk to a location's bot in the terminal, on a virtual clock
    Chat(ChatArgs),
    /// Print a lint rule's documentation: what it checks, why, an example, how to fix
    Explain(ExplainArgs),
    /// Print the JSON Schema of business.toml (for editors) or of the bot config
    Schema(SchemaArgs),
    /// Print shell completions
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder of the business (created if missing)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The city of the new location, e.g. "Омск"
    #[arg(long)]
    pub city: String,
    /// The business's name (for a new business)
    #[arg(long)]
    pub name: Option<String>,
    /// The kind of business (for a new business)
    #[arg(long, value_enum, default_value_t = SegmentArg::Salon)]
    pub segment: SegmentArg,
    /// The location's id; transliterated from the city when left out
    #[arg(long)]
    pub location: Option<String>,
    /// The location's IANA time zone; looked up from the city when left out
    #[arg(long)]
    pub timezone: Option<String>,
    /// The language of documents and bot texts (for a new business)
    #[arg(long, value_enum, default_value_t = LangArg::Ru)]
    pub lang: LangArg,
    /// Overwrite files that already exist
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub business: BusinessFile,
    /// The output folder; `out` next to business.toml when left out
    #[arg(short, long)]
    pub out: Option<PathBuf>,
    /// Export only this location's bot scripts (repeatable); the mapping is always written
    #[arg(long = "location", value_name = "ID", value_hint = clap::ValueHint::Other)]
    pub locations: Vec<String>,
    /// Write nothing; exit 1 if any output would change
    #[arg(long)]
    pub check: bool,
    /// Also write each location's `bot_config` (the runtime's copy) from scratch
    #[arg(long, conflicts_with = "dataset")]
    pub bot_configs: bool,
    /// Write only each location's example dialogues for tuning this provider's model
    /// (`yandexgpt`, `gigachat` or `openai`), made from the scenarios of `regl test`, to
    /// `OUT/<loc>/dataset-<provider>-<loc>.jsonl` (GigaChat: `.json`, a JSON array)
    #[arg(long, value_name = "PROVIDER")]
    pub dataset: Option<String>,
}

#[derive(Debug, Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "four command-line switches, kept apart by clap's `conflicts_with`"
)]
pub struct PushArgs {
    #[command(flatten)]
    pub business: BusinessFile,
    /// Where `bitrix24-portal.json` is written after an apply; `out` next to business.toml
    /// when left out
    #[arg(short = 'o', long = "out", value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// Make the plan real on the portal
    #[arg(long, conflicts_with = "check")]
    pub apply: bool,
    /// Make on the portal, at once, the records the pilot plan's rows need beforehand,
    /// marked `ORIGINATOR_ID = "regl-pilot"`
    #[arg(long, conflicts_with_all = ["apply", "check", "remove_test_leads"])]
    pub test_leads: bool,
    /// Delete, at once, every record marked `ORIGINATOR_ID = "regl-pilot"` and nothing else
    #[arg(long, conflicts_with_all = ["apply", "check"])]
    pub remove_test_leads: bool,
    /// Print nothing but problems; exit 1 if the portal is not in step
    #[arg(long)]
    pub check: bool,
    /// Only these parts
    #[arg(long, value_enum, value_delimiter = ',', value_name = "PART")]
    pub only: Vec<crate::bitrix24::plan::Part>,
    /// Only this location's Open Line (repeatable); fields, stages and sources serve every
    /// location and are planned whole
    #[arg(long = "location", value_name = "ID", value_hint = clap::ValueHint::Other)]
    pub locations: Vec<String>,
    /// How to print the plan or the result
    #[arg(long, value_enum, default_value_t = PushFormat::Human)]
    pub format: PushFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PushFormat {
    /// Lines to read
    Human,
    /// One JSON object
    Json,
}

#[derive(Debug, Args)]
pub struct TestArgs {
    #[command(flatten)]
    pub business: BusinessFile,
    /// A bot config to run instead of the location's `bot_config` (with one location)
    #[arg(long = "bot", value_name = "FILE")]
    pub bot: Option<PathBuf>,
    /// A scenario file or folder [default: `scenarios/` next to business.toml]
    #[arg(long = "scenarios", value_name = "PATH")]
    pub scenarios: Option<PathBuf>,
    /// Only this location (repeatable)
    #[arg(long = "location", value_name = "ID", value_hint = clap::ValueHint::Other)]
    pub locations: Vec<String>,
    /// Print the scenarios without running them
    #[arg(long)]
    pub list: bool,
    /// Only scenarios whose id or `covers` matches this glob (repeatable)
    #[arg(long = "only", value_name = "GLOB")]
    pub only: Vec<String>,
    /// Fail (exit 1) when less than PCT % of the config was exercised
    #[arg(long = "min-coverage", value_name = "PCT")]
    pub min_coverage: Option<f64>,
    /// How to print the results
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    pub format: TestFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TestFormat {
    /// Failures with their transcripts, the coverage table, `N passed, N failed`
    Human,
    /// One JSON object: every scenario, and which bot file was tested
    Json,
    /// `JUnit` XML for CI dashboards
    Junit,
    /// GitHub Actions workflow annotations
    Github,
}

#[derive(Debug, Args)]
pub struct ChatArgs {
    #[command(flatten)]
    pub business: BusinessFile,
    /// A bot config to talk to instead of the location's `bot_config`
    #[arg(long = "bot", value_name = "FILE")]
    pub bot: Option<PathBuf>,
    /// The location [default: the first]
    #[arg(long = "location", value_name = "ID", value_hint = clap::ValueHint::Other)]
    pub location: Option<String>,
    /// The channel the client writes in [default: the bot's first]
    #[arg(long)]
    pub channel: Option<String>,
    /// The virtual clock's start, local time, e.g. 2027-03-01T10:00
    #[arg(long)]
    pub now: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SegmentArg {
    Salon,
    Clinic,
    Fitness,
    Education,
    Other,
}

impl From<SegmentArg> for Segment {
    fn from(s: SegmentArg) -> Self {
        match s {
            SegmentArg::Salon => Segment::Salon,
            SegmentArg::Clinic => Segment::Clinic,
            SegmentArg::Fitness => Segment::Fitness,
            SegmentArg::Education => Segment::Education,
            SegmentArg::Other => Segment::Other,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Ru,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Ru => Lang::Ru,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Args)]
pub struct LintArgs {
    #[command(flatten)]
    pub business: BusinessFile,
    /// The output folder of `regl render` [default: `out` next to business.toml]
    #[arg(short = 'o', long = "out")]
    pub out: Option<PathBuf>,
    /// A bot config to check instead of the locations' `bot_config` files (repeatable)
    #[arg(long = "bot", value_name = "FILE")]
    pub bot: Vec<PathBuf>,
    /// How to print the findings
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
    /// Mend the bot configs in place first, then report what is left; business.toml is never
    /// modified
    ///
    /// Each drifted value a finding points at in a bot config becomes what `regl export` would
    /// write there, byte for byte outside those values: the team's edited texts are kept, a
    /// deleted key or step is put back where the export has it. Each change is printed
    /// (`--format json`: `{"fixes": [...], "findings": [...]}`), then lint runs again and
    /// exits by what is left. What cannot be mended safely stays a finding. business.toml is
    /// never modified: it is the source of truth.
    #[arg(long)]
    pub fix: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// rustc-like, with the source lines (colour on a terminal)
    Human,
    /// One JSON array of findings
    Json,
    /// GitHub Actions workflow annotations
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards
    Sarif,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code such as C101, or `all` for the whole catalogue (docs/rules.md)
    pub code: String,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    #[command(flatten)]
    pub business: BusinessFile,
    /// The output folder; `out` next to business.toml when left out
    #[arg(short = 'o', long = "out", value_name = "OUT")]
    pub out: Option<PathBuf>,
    /// Render only this location (repeat for more)
    #[arg(long = "location", value_name = "ID", value_hint = clap::ValueHint::Other)]
    pub locations: Vec<String>,
    /// Exactly what to write: `docx` the Word documents, `xlsx` the workbooks, `md` the
    /// Markdown each Word document was made from
    #[arg(long, value_enum, value_delimiter = ',', default_values_t = [OutputFormat::Docx, OutputFormat::Xlsx])]
    pub format: Vec<OutputFormat>,
    /// Write nothing; exit 1 if any output would change
    #[arg(long)]
    pub check: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Docx,
    Xlsx,
    Md,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which schema
    #[arg(value_enum, default_value_t = SchemaKind::Business)]
    pub kind: SchemaKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    Business,
    /// The bot config `export` writes and the bot runtime reads
    Bot,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    pub shell: clap_complete::Shell,
}

/// `-c`, which every verb that reads the business takes alike.
#[derive(Debug, Args)]
pub struct BusinessFile {
    /// The business file, or the folder that holds it
    #[arg(
        short = 'c',
        long = "config",
        value_name = "FILE",
        default_value = "business.toml",
        value_parser = business_file
    )]
    pub config: PathBuf,
}

/// `-c`: a folder that holds a `business.toml` stands for it (`regl lint -c salon`), the way
/// a project is named in a monorepo; anything else is taken as the file's own path (a folder
/// without one is then refused as a folder by the loader).
#[expect(
    clippy::unnecessary_wraps,
    reason = "clap's value parsers return a Result"
)]
fn business_file(arg: &str) -> Result<PathBuf, std::convert::Infallible> {
    let path = PathBuf::from(arg);
    let inside = path.join("business.toml");
    Ok(if path.is_dir() && inside.is_file() {
        inside
    } else {
        path
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
