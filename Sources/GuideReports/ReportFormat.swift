import GuideChecks

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
