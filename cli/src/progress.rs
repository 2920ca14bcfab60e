//! Progress bars on standard error.
//!
//! indicatif draws to standard error and draws nothing when that is not a terminal, so
//! redirected or piped runs (CI logs, `2>errors.txt`) stay free of control codes.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar for `len` steps, labelled `msg`; narrow enough for an 80-column terminal (a
/// wrapped bar is redrawn on two lines).
pub fn bar(len: u64, msg: &str) -> ProgressBar {
    let pb = ProgressBar::new(len);
    pb.set_style(
        ProgressStyle::with_template("{msg:<24} [{bar:25}] {human_pos}/{human_len} ({eta})")
            // The template is a constant; the fallback only guards against an indicatif
            // upgrade that rejects it.
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    pb.set_message(msg.to_string());
    pb
}

/// A spinner for a step of unknown length (building the index, writing files).
pub fn spinner(msg: &str) -> ProgressBar {
    let pb = ProgressBar::new_spinner();
    pb.set_message(msg.to_string());
    pb.enable_steady_tick(Duration::from_millis(120));
    pb
}
