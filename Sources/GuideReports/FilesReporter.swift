import GuideChecks
import GuideDocument

/// `--format files`: per guide checked, what was read from it and what was decided (the
/// `ReadSummary` `check --verbose` prints), with its error and warning counts — so a CI job
/// can fail or warn on guides from which nothing was read. An object
/// `{version, files: [...], uncheckable}`, keys sorted (docs/OUTPUT.md).
public enum FilesReporter {
    struct FileEntry: Encodable {
        var file: String
        var page: String
        var pageReason: String
        var read: ExtractionReport.ReadEntry
        var profile: String?
        var profileReason: String?
        var applicationRelease: String?
        var autheliaVersion: String
        var autheliaVersionSource: String
        var notes: [String]
        var errors: Int
        var warnings: Int
        enum CodingKeys: String, CodingKey {
            case file, page, pageReason = "page_reason", read, profile, profileReason = "profile_reason"
            case applicationRelease = "application_release", autheliaVersion = "authelia_version"
            case autheliaVersionSource = "authelia_version_source", notes, errors, warnings
        }
    }

    struct Document: Encodable {
        var version = 1
        var files: [FileEntry]
        /// How many files had nothing checkable.
        var uncheckable: Int
    }

    public static func render(_ report: CheckReport) -> String {
        var counts: [String: (errors: Int, warnings: Int)] = [:]
        for finding in report.active {
            if finding.severity == .error { counts[finding.path, default: (0, 0)].errors += 1 } else { counts[finding.path, default: (0, 0)].warnings += 1 }
        }
        let files = report.summaries.map { summary in
            FileEntry(file: summary.path, page: summary.page.pageClass.rawValue, pageReason: summary.page.reason,
                      read: ExtractionReport.ReadEntry(summary), profile: summary.profile, profileReason: summary.profileReason,
                      applicationRelease: summary.applicationRelease, autheliaVersion: summary.autheliaVersion,
                      autheliaVersionSource: summary.autheliaVersionSource, notes: summary.notes,
                      errors: counts[summary.path]?.errors ?? 0, warnings: counts[summary.path]?.warnings ?? 0)
        }
        return StableJSON.encode(Document(files: files, uncheckable: report.uncheckable.count), orElse: "{}")
    }
}
