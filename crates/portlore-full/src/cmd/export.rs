//! `portlore export`: the whole site as static files, with a progress bar.

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context as _;
use portlore_web::export::{ExportOptions, export, plan, preview_hint};
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
    let first = langs[0];
    let opts = ExportOptions {
        precompress: args.precompress,
        ..ExportOptions::new(args.out.clone(), langs)
    };
    let planned = plan(&renderer, &opts);
    eprintln!(
        "portlore: writing {} pages ({} files, about {:.0} MB) to {}",
        planned.pages,
        planned.files,
        planned.estimated_bytes as f64 / 1e6,
        args.out.display()
    );
    if !planned.sitemaps {
        eprintln!(
            "portlore: no public --site-url, so no sitemap, robots.txt or canonical links \
             (pass --site-url https://your.host/path to get them)"
        );
    }
    let bar = if args.progress.no_progress || !std::io::IsTerminal::is_terminal(&std::io::stderr())
    {
        indicatif::ProgressBar::hidden()
    } else {
        indicatif::ProgressBar::new(planned.files)
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
    println!("{}", preview_hint(&args.out, first));
    Ok(ExitCode::SUCCESS)
}
