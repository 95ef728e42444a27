//! `isms explain [CODE]`: a rule's documentation, or the list of all codes.

use miette::{miette, Result};

use super::output::{print, println};
use super::Outcome;
use isms::diagnostics::{closest, Code};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A diagnostic code such as `risk/missing-owner`; without it, all codes are listed.
    code: Option<String>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let Some(text) = args.code else {
        for code in Code::ALL {
            println(&format!(
                "{:<32} {:<8} {}",
                code.as_str(),
                code.default_severity().as_str(),
                code.doc().summary()
            ))?;
        }
        return Ok(Outcome::Clean);
    };
    let Some(code) = Code::parse(&text) else {
        let names = Code::ALL.iter().map(|c| c.as_str());
        let help = match closest(&text, names) {
            Some(best) => format!("did you mean `{best}`? `isms explain` lists all codes"),
            None => "`isms explain` lists all codes".to_string(),
        };
        return Err(miette!(help = help, "unknown diagnostic code `{text}`"));
    };
    print(code.doc().0)?;
    Ok(Outcome::Clean)
}
