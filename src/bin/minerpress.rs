//! The `minerpress` command: a thin layer that turns arguments into library calls.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use minerpress::{Extractor, Limits, ProductionUpdate};

const ABOUT: &str = "Extracts typed figures (bitcoin mined and held, hashrate, fleet \
efficiency, power, revenue) from bitcoin miners' production updates and press releases.";

const AFTER_HELP: &str = "\
Output (extract):
  JSON Lines by default: one object per document, in input order, with `source`, `company`,
  `period`, `published`, one key per metric stated (value, unit, span, text) and `warnings`.
  A document that cannot be read gives an object with `source` and `error`. Nothing is
  dropped silently. `--format csv` gives one row per document with fixed columns.

Inputs (extract):
  files (plain text, HTML, EDGAR filings); folders, walked recursively in name order,
  skipping hidden entries and *.json; .zip, .tar, .tar.gz and .tgz archives, read in memory;
  .jsonl files of {\"id\", \"text\"|\"html\"} objects; `-` or nothing for standard input.

Exit status:
  0 every document was read; 1 a document could not be read (see its `error`);
  2 bad usage, or the output could not be written; 3 with --strict, a warning was raised.";

#[derive(Parser)]
#[command(name = "minerpress", version, about = ABOUT, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract figures from documents and print one record per document
    #[command(after_help = AFTER_HELP)]
    Extract(ExtractArgs),
    /// Print the text that a document's spans index into (HTML and filings converted)
    Text {
        /// The document (`-` for standard input)
        file: PathBuf,
    },
}

#[derive(clap::Args)]
struct ExtractArgs {
    /// Files, folders, archives or .jsonl files; `-` or none for standard input
    paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Write to FILE instead of standard output
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads [default: one per core]
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<NonZeroUsize>,
    /// Exit with status 3 when any consistency warning is raised
    #[arg(long)]
    strict: bool,
    /// No progress bar, no per-document errors and no summary on standard error
    #[arg(short, long)]
    quiet: bool,
    /// Largest file, standard input or JSON Lines line read as one document, in bytes; a
    /// larger one gives an error record
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_document_bytes)]
    max_document_bytes: u64,
    /// Largest archive member read, in bytes after decompression; a larger one gives an
    /// error record
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_member_bytes)]
    max_member_bytes: u64,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object per line (the contract's records)
    Jsonl,
    /// One CSV row per record: source, company, ticker, exchange, period_start, period_end,
    /// published, one column per metric, warnings (codes joined with ';'), error
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Text { file } => text(file),
    };
    match result {
        Ok(code) => code,
        // A reader that went away (`| head`) has all it wanted: stop without a word.
        Err(Fatal::Output(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Fatal::Output(e)) => {
            complain(format_args!("cannot write the output: {e}"));
            ExitCode::from(2)
        }
        Err(Fatal::Message(message, code)) => {
            complain(format_args!("{message}"));
            ExitCode::from(code)
        }
    }
}

enum Fatal {
    /// Writing the output failed.
    Output(io::Error),
    /// Anything else that ends the run, with its exit status.
    Message(String, u8),
}

impl From<io::Error> for Fatal {
    fn from(e: io::Error) -> Fatal {
        Fatal::Output(e)
    }
}

impl From<csv::Error> for Fatal {
    fn from(e: csv::Error) -> Fatal {
        match e.into_kind() {
            csv::ErrorKind::Io(e) => Fatal::Output(e),
            other => Fatal::Message(format!("cannot write CSV: {other:?}"), 2),
        }
    }
}

fn complain(message: std::fmt::Arguments<'_>) {
    // Standard error may be closed too; there is nobody left to tell then.
    let _ = writeln!(io::stderr(), "minerpress: {message}");
}

/// The records' destination in the chosen format.
enum Sink {
    Jsonl(BufWriter<Box<dyn Write>>),
    // Boxed: the CSV writer carries its own buffer and state, far larger than a BufWriter.
    Csv(Box<csv::Writer<Box<dyn Write>>>),
}

impl Sink {
    fn new(format: Format, out: Box<dyn Write>) -> Result<Sink, Fatal> {
        Ok(match format {
            Format::Jsonl => Sink::Jsonl(BufWriter::with_capacity(64 << 10, out)),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(minerpress::csv_columns())?;
                Sink::Csv(Box::new(w))
            }
        })
    }

    fn write(&mut self, update: &ProductionUpdate) -> Result<(), Fatal> {
        match self {
            Sink::Jsonl(w) => {
                serde_json::to_writer(&mut *w, update).map_err(io::Error::from)?;
                w.write_all(b"\n")?;
            }
            Sink::Csv(w) => w.write_record(minerpress::csv_row(update))?,
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Fatal> {
        match self {
            Sink::Jsonl(w) => w.flush()?,
            Sink::Csv(w) => w.flush()?,
        }
        Ok(())
    }
}

#[derive(Default)]
struct Totals {
    documents: u64,
    updates: u64,
    figures: u64,
    warnings: u64,
    errors: u64,
    bytes: u64,
}

fn extract(args: ExtractArgs) -> Result<ExitCode, Fatal> {
    let limits = Limits {
        max_document_bytes: args.max_document_bytes,
        max_member_bytes: args.max_member_bytes,
    };
    let out: Box<dyn Write> = match &args.output {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                let message = format!("cannot create {}: {e}", path.display());
                return Err(Fatal::Message(message, 2));
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    let mut sink = Sink::new(args.format, out)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths
    };
    if !args.quiet && paths.iter().any(|p| p.as_os_str() == "-") && io::stdin().is_terminal() {
        // Otherwise a bare `minerpress extract` in a terminal seems to hang.
        complain(format_args!(
            "reading one document from standard input (end it with Ctrl-D)"
        ));
    }
    let mut inputs = minerpress::sources(&paths, &limits);
    if let Some(output) = &args.output {
        inputs = inputs.skip(output);
    }
    let threads = args.threads.map_or(0, NonZeroUsize::get);
    let extractor = Extractor::new();
    let progress = progress_bar(args.quiet);
    let started = Instant::now();
    let mut totals = Totals::default();
    for record in minerpress::extract_ordered(&extractor, inputs, threads) {
        let update = &record.update;
        totals.documents += 1;
        totals.bytes += record.bytes;
        if let Some(error) = &update.error {
            totals.errors += 1;
            if !args.quiet {
                let source = update.source.as_deref().unwrap_or("?");
                progress.suspend(|| complain(format_args!("{source}: {error}")));
            }
        } else {
            totals.updates += 1;
            totals.figures += update.figures().count() as u64;
            totals.warnings += update.warnings.len() as u64;
        }
        sink.write(update)?;
        progress.inc(1);
    }
    sink.flush()?;
    progress.finish_and_clear();
    if !args.quiet {
        summary(&totals, started.elapsed());
    }
    Ok(if totals.errors > 0 {
        ExitCode::FAILURE
    } else if args.strict && totals.warnings > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}

/// A spinner with the count of documents, on standard error when it is a terminal only, so
/// that logs and pipes stay clean.
fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {human_pos} documents [{elapsed}] {per_sec}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

fn summary(totals: &Totals, elapsed: Duration) {
    let mb = totals.bytes as f64 / 1e6;
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { mb / secs } else { 0.0 };
    complain(format_args!(
        "{} documents, {} updates, {} figures, {} warnings, {} errors; {mb:.2} MB in {secs:.2} s ({rate:.1} MB/s)",
        totals.documents, totals.updates, totals.figures, totals.warnings, totals.errors
    ));
}

fn text(file: PathBuf) -> Result<ExitCode, Fatal> {
    let limits = Limits::default();
    let document = if file.as_os_str() == "-" {
        minerpress::Source::stdin(&limits).document()
    } else {
        minerpress::read_file(&file, &limits)
    };
    match document {
        Ok(doc) => {
            let mut out = io::stdout().lock();
            out.write_all(doc.text().as_bytes())?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(Fatal::Message(format!("{}: {e}", file.display()), 1)),
    }
}
