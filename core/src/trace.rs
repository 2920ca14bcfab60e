//! Trace requests (in progress).
