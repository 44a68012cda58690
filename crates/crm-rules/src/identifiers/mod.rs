//! Identifiers and text normalisation — CAD-2, CAD-4 (being written).
