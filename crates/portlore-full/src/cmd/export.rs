//! `portlore export`: the whole site as static files, with a progress bar.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use portlore_web::export::{ExportOptions, export, planned_files};
use portlore_web::{Lang, Renderer, SiteConfig};

pub use portlore::cli::export::Args;

/// Writes the site.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let langs = Lang::parse_list(&args.lang)
        .map_err(|e| anyhow::anyhow!(e))
        .context("--lang")?;
    let mut config = SiteConfig::new(&args.site_url);
    if let Some(origin) = &args.api_origin {
        config = config
            .with_api_origin(origin)
            .map_err(|e| anyhow::anyhow!(e))
            .context("--api-origin")?;
    }
    let kb = Arc::new(crate::registry::load()?);
    if kb.registry_meta().is_none() {
        eprintln!("portlore: {}", crate::registry::INSTALL_HINT);
    }
    let renderer = Renderer::new(kb, config);
    let opts = ExportOptions::new(args.out.clone(), langs);
    let bar = if args.progress.no_progress || !std::io::IsTerminal::is_terminal(&std::io::stderr())
    {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(planned_files(&opts))
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{elapsed_precise} [{wide_bar}] {pos}/{len} files ({per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let started = Instant::now();
    let report = export(&renderer, &opts, &|n| bar.set_position(n))
        .with_context(|| format!("exporting to {}", args.out.display()))?;
    bar.finish_and_clear();
    println!(
        "wrote {} files ({:.1} MB) to {} in {:.1} s",
        report.files,
        report.bytes as f64 / 1e6,
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
