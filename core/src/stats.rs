//! Statistics and reports (in progress).
