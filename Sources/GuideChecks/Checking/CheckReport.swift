import GuideDocument
import GuideKnowledge

/// Everything one `check` run found, for every output format.
public struct CheckReport: Sendable {
    /// Every finding, including suppressed and baseline-known ones (formats decide what to show).
    public var findings: [Finding]
    /// The guides checked, in order (also those without findings: JUnit lists each).
    public var files: [String]
    public var sources: [String: PreparedSource]
    /// Per file, the secret values its snippets must not show (`SettingMeanings.secretValues`).
    public var secrets: [String: Set<String>] = [:]
    /// Per file, the lines findings point at, secrets already masked: what the text format
    /// needs when the sources themselves were not kept (`BatchCheck` drops them).
    public var snippetLines: [String: [Int: String]] = [:]
    /// Per guide checked, in order: what was read from it (ReadSummary).
    public var summaries: [ReadSummary] = []

    /// Guides from which nothing checkable was read (`guide-unread` reports the guides
    /// among them; reference pages may legitimately hold nothing).
    public var uncheckable: [ReadSummary] { summaries.filter { !$0.isCheckable } }

    /// The source line under a finding, secrets masked (same length, so the caret lines up).
    public func snippetLine(for finding: Finding) -> String? {
        line(finding.location.line, of: finding.path)
    }

    /// Line `number` of the file `path`, secrets masked: from the lines kept for findings and
    /// their fixes, else from the source when it was kept; `nil` when neither has it.
    public func line(_ number: Int, of path: String) -> String? {
        if let line = snippetLines[path]?[number] { return line }
        guard let source = sources[path], number >= 1 else { return nil }
        return SecretMask(secrets[path] ?? []).starred(String(source.originalLine(number)))
    }
    public var seconds: Double
    /// The rules that ran, in order (SARIF lists them; findings name them by id).
    public var rules: [RuleDescription]

    public init(findings: [Finding], files: [String], sources: [String: PreparedSource], seconds: Double = 0,
                rules: [RuleDescription]) {
        self.rules = rules
        self.findings = findings
        self.files = files
        self.sources = sources
        self.seconds = seconds
    }

    /// Findings that count: not suppressed, not in the baseline.
    public var active: [Finding] { findings.filter(\.isActive) }

    public var hasErrors: Bool { active.contains { $0.severity == .error } }
}
