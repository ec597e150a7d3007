/// How serious a finding is. Only `error` makes `check` exit with status 1.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case warning
    case error

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem in one guide, at one place.
public struct Finding: Sendable, Equatable {
    public var path: String
    public var location: SourceLocation
    /// Span length in Unicode scalars, for the caret underline.
    public var length: Int
    public var severity: Severity
    public var ruleID: String
    /// What is wrong, in a sentence a newcomer understands.
    public var message: String
    /// How to fix it, when known.
    public var help: String?
    /// An edit `guidekit fix` may apply because it is certain (see `Fix`).
    public var fix: Fix?
    /// Set when an inline `guidekit-disable` comment covers the finding: its reason.
    public var suppression: String?
    /// Set when the finding is recorded in the `--baseline` file.
    public var isKnown = false

    /// `path:line:column`.
    public var place: String { SourceLocation.place(path, location) }

    /// Whether the finding counts: not suppressed and not in the baseline.
    public var isActive: Bool { suppression == nil && !isKnown }

    public init(path: String, location: SourceLocation, length: Int = 1, severity: Severity,
                ruleID: String, message: String, help: String? = nil) {
        self.path = path
        self.location = location
        self.length = max(1, length)
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.help = help
    }
}
