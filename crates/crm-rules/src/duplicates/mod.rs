//! Duplicate finder — CAD-5 (being written).
