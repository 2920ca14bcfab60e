//! Synthetic register generator (in progress).
