//! C ABI for armsmatch (in progress).
