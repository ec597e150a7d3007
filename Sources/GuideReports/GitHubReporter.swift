import GuideChecks
import GuideDocument
import GuideKnowledge

/// GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`).
///
/// GitHub shows at most 10 annotations of each severity per step (50 per job). The first
/// 10 errors and 10 warnings become annotations; every finding is also printed as a plain
/// log line, and one notice says how many were not annotated and where the full report is.
public struct GitHubReporter: Sendable {
    public static let annotationsPerSeverity = 10
    /// Where the complete report is (a report file given with `--report`), for the notice.
    public var fullReportLocation: String?

    public init(fullReportLocation: String? = nil) {
        self.fullReportLocation = fullReportLocation
    }

    public func render(_ report: CheckReport) -> String {
        var output = ""
        var shown: [Severity: Int] = [:]
        var hidden = 0
        for finding in report.active {
            let count = shown[finding.severity, default: 0]
            if count < Self.annotationsPerSeverity {
                shown[finding.severity] = count + 1
                let command = finding.severity == .error ? "error" : "warning"
                var message = finding.message
                if let help = finding.help { message += "\n" + help }
                output += "::\(command) file=\(Self.escapeProperty(finding.path)),line=\(finding.location.line),col=\(finding.location.column)"
                    + ",endColumn=\(finding.location.column + finding.length),title=\(Self.escapeProperty(finding.ruleID))::\(Self.escapeData(message))\n"
            } else {
                hidden += 1
            }
            output += "\(finding.place): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]\n"
        }
        if hidden > 0 {
            let location = fullReportLocation.map { "the full report is in \($0) and in this step's log" } ?? "all findings are listed in this step's log"
            output += "::notice title=guidekit::\(Self.escapeData("\(hidden) more finding(s) are not shown as annotations (GitHub shows at most \(Self.annotationsPerSeverity) per severity per step); \(location)"))\n"
        }
        let errors = report.active.filter { $0.severity == .error }.count
        output += "guidekit: \(errors) error(s), \(report.active.count - errors) warning(s) in \(report.files.count) file(s)\n"
        return output
    }

    /// Message text: `%`, CR and LF must be percent-encoded.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values additionally encode `:` and `,`, which separate properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
