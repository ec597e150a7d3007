import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// JUnit XML, as CI systems (GitLab, Jenkins, Azure, CircleCI) read it: one test suite per
/// run, one test case per guide, one `<failure>` per error-level finding. Warnings go to the
/// test case's `<system-out>`, so they are visible without failing it.
public enum JUnitReporter {
    public static func render(_ report: CheckReport) -> String {
        let byFile = Dictionary(grouping: report.active, by: \.path)
        let failures = report.active.filter { $0.severity == .error }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"guidekit\" tests=\"\(report.files.count)\" failures=\"\(failures)\" errors=\"0\">\n"
        xml += "  <testsuite name=\"guidekit check\" tests=\"\(report.files.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\" time=\"\(String(format: "%.3f", report.seconds))\">\n"
        for file in report.files {
            let findings = byFile[file] ?? []
            xml += "    <testcase classname=\"guidekit\" name=\"\(escape(file))\" file=\"\(escape(file))\">\n"
            for finding in findings where finding.severity == .error {
                let location = finding.place
                xml += "      <failure type=\"\(escape(finding.ruleID))\" message=\"\(escape(finding.message))\">"
                xml += escape("\(location): \(finding.message) [\(finding.ruleID)]" + (finding.help.map { "\nhelp: \($0)" } ?? ""))
                xml += "</failure>\n"
            }
            let warnings = findings.filter { $0.severity == .warning }
            if !warnings.isEmpty {
                let lines = warnings.map { "\($0.place): warning: \($0.message) [\($0.ruleID)]" }
                xml += "      <system-out>\(escape(lines.joined(separator: "\n")))</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

}
