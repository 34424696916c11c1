//! Change tracking: stored versions, noise-free comparison and a clause-level change report.
