import GuideChecks
import GuideDocument

/// The output formats of `check` (docs/OUTPUT.md).
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, github, sarif, junit
    /// reviewdog's Diagnostic Format, one JSON object per line (ReviewdogReporter).
    case rdjsonl
    /// GitLab Code Quality (CodeQualityReporter).
    case codequality
    /// Per guide, what was read and decided (FilesReporter), not findings.
    case files

    public func render(_ report: CheckReport, color: Bool = false, fullReport: String? = nil) -> String {
        switch self {
        case .text: TextReporter(useColor: color).render(report)
        case .json: JSONReporter.render(report.active) + "\n"
        case .github: GitHubReporter(fullReportLocation: fullReport).render(report)
        case .sarif: SARIFReporter.render(report) + "\n"
        case .junit: JUnitReporter.render(report)
        case .files: FilesReporter.render(report) + "\n"
        case .rdjsonl: ReviewdogReporter.render(report)
        case .codequality: CodeQualityReporter.render(report) + "\n"
        }
    }
}

/// The reports one run writes: the main format on standard output, and each `--report
/// FORMAT[=FILE]` to its file (or after the main output).
public enum ReportSet {
    /// The text for standard output; files are written (mode 0644) on the way.
    public static func write(_ report: CheckReport, format: ReportFormat, color: Bool,
                             extra: [(format: ReportFormat, file: String?)]) throws -> String {
        let fullReport = extra.compactMap(\.file).first
        var stdout = format.render(report, color: color, fullReport: fullReport)
        for request in extra {
            let text = request.format.render(report, fullReport: fullReport)
            if let file = request.file {
                try PrivateFiles.write(text, to: file, mode: 0o644)
            } else {
                stdout += text
            }
        }
        return stdout
    }
}
