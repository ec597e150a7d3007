import GuideDocument
import GuideKnowledge

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
    /// For a finding in the baseline: why it is accepted (the entry's `reason`, or
    /// `Baseline.defaultJustification`), as SARIF's external suppression states it.
    public var baselineJustification: String?
    /// What the finding is about, independent of wording and of line numbers: the text the
    /// finding points at (a key, a value, a URL), or what the rule names explicitly. Baselines
    /// and SARIF match findings by it (`fingerprint`), so rewording a message or editing the
    /// lines above a finding does not turn it into a new one.
    public var subject: String

    /// `rule id` + `subject`, hashed: stable across releases that reword messages.
    public var fingerprint: String { Fingerprint.of(ruleID: ruleID, subject: subject) }

    /// `path:line:column`.
    public var place: String { SourceLocation.place(path, location) }

    /// Whether the finding counts: not suppressed and not in the baseline.
    public var isActive: Bool { suppression == nil && !isKnown }

    public init(path: String, location: SourceLocation, length: Int = 1, severity: Severity,
                ruleID: String, message: String, help: String? = nil, subject: String = "") {
        self.path = path
        self.location = location
        self.length = max(1, length)
        self.severity = severity
        self.ruleID = ruleID
        self.message = message
        self.help = help
        self.subject = subject
    }
}
