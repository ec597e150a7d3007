import ArgumentParser

/// The documented exit statuses. Never renumber: CI scripts depend on them.
enum ExitStatus {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let inputFailure = ExitCode(2)
    /// `render --plan` only: the render would change files (0: it would change nothing).
    static let changesPending = ExitCode(3)
}
