import ArgumentParser

/// The documented exit statuses. Never renumber: CI scripts depend on them.
enum ExitStatus {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let inputFailure = ExitCode(2)
}
