import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// GitLab Code Quality (`artifacts:reports:codequality`): one JSON array of Code Climate
/// issues with the fields GitLab reads (docs.gitlab.com/ci/testing/code_quality, "Code
/// Quality report format"): `description`, `check_name`, `fingerprint`, `severity` (`major`
/// for an error, `minor` for a warning), `location.path` (relative to the repository) and
/// `location.lines.begin`. GitLab shows findings with one fingerprint as one, so the
/// fingerprint joins the file, GuideKit's finding fingerprint and its occurrence in the file
/// (as SARIF's partial fingerprint does). Only active findings are written.
public enum CodeQualityReporter {
    struct Issue: Encodable {
        var type = "issue"
        var description: String
        var checkName: String
        var fingerprint: String
        var severity: String
        var categories = ["Bug Risk"]
        var location: Location

        enum CodingKeys: String, CodingKey {
            case type, description, fingerprint, severity, categories, location
            case checkName = "check_name"
        }
    }

    struct Location: Encodable {
        var path: String
        var lines: Lines
    }

    struct Lines: Encodable { var begin: Int }

    public static func render(_ report: CheckReport) -> String {
        var occurrences: [String: Int] = [:]
        let issues = report.active.map { finding in
            let path = SARIFReporter.uri(finding.path).removingPercentEncoding ?? finding.path
            let key = path + "\u{0}" + finding.fingerprint
            occurrences[key, default: 0] += 1
            return Issue(description: finding.help.map { "\(finding.message). \($0)" } ?? finding.message,
                         checkName: finding.ruleID,
                         fingerprint: Fingerprint.of(ruleID: finding.ruleID, subject: "\(key)\u{0}\(occurrences[key]!)"),
                         severity: finding.severity == .error ? "major" : "minor",
                         location: Location(path: path, lines: Lines(begin: finding.location.line)))
        }
        return StableJSON.encode(issues, orElse: "[]")
    }
}
