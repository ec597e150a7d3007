/// Everything one `check` run found, for every output format.
public struct CheckReport: Sendable {
    /// Every finding, including suppressed and baseline-known ones (formats decide what to show).
    public var findings: [Finding]
    /// The guides checked, in order (also those without findings: JUnit lists each).
    public var files: [String]
    public var sources: [String: PreparedSource]
    /// Per file, the secret values its snippets must not show (`SettingMeanings.secretValues`).
    public var secrets: [String: Set<String>] = [:]
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

/// The output formats of `check` (docs/OUTPUT.md).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif, junit

    public func render(_ report: CheckReport, color: Bool = false, fullReport: String? = nil) -> String {
        switch self {
        case .text: TextReporter(useColor: color).render(report)
        case .json: JSONReporter.render(report.active) + "\n"
        case .github: GitHubReporter(fullReportLocation: fullReport).render(report)
        case .sarif: SARIFReporter.render(report) + "\n"
        case .junit: JUnitReporter.render(report)
        }
    }
}
