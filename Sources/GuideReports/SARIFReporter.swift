import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// SARIF 2.1.0, as GitHub code scanning and other tools read it. Columns are counted in
/// Unicode code points (`columnKind: unicodeCodePoints`), as GuideKit counts them.
/// Suppressed findings carry an `inSource` suppression with its reason. With a baseline,
/// results are marked `new` or `unchanged`, and a baselined finding carries an `external`
/// suppression (status `accepted`) with the baseline entry's reason, so code scanning does
/// not open an alert for it (`check --no-baselined` leaves such findings out instead).
public enum SARIFReporter {
    public static var toolVersion: String { GuideKitVersion.current }

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        var tool: Tool
        var results: [Result]
        var columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "GuideKit"
        var informationUri = "https://github.com/guidekit/guidekit"
        var version = toolVersion
        var rules: [Rule]
    }

    struct Text: Encodable { var text: String }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: Text
        var helpUri: String
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var baselineState: String?
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endColumn: Int
    }

    struct Suppression: Encodable {
        /// `inSource` (a `guidekit-disable` comment) or `external` (the baseline file).
        var kind: String
        var status = "accepted"
        var justification: String
    }

    static func suppressions(of finding: Finding) -> [Suppression]? {
        var list: [Suppression] = []
        if let reason = finding.suppression { list.append(Suppression(kind: "inSource", justification: reason)) }
        if finding.isKnown {
            list.append(Suppression(kind: "external", justification: finding.baselineJustification ?? Baseline.defaultJustification))
        }
        return list.isEmpty ? nil : list
    }

    public static func render(_ report: CheckReport) -> String {
        let descriptions = report.rules
        let index = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.id, $0) })
        let rules = descriptions.map { rule in
            Rule(id: rule.id, name: rule.id, shortDescription: Text(text: rule.summary),
                 fullDescription: Text(text: rule.explanation),
                 help: Text(text: rule.explanation + "\n\nBased on: " + rule.basis.map(\.line).joined(separator: "; ")
                             + "\n\nRun `guidekit explain \(rule.id)` for examples."),
                 helpUri: RulePage.helpURI(for: rule.id),
                 defaultConfiguration: Configuration(level: rule.severity.rawValue))
        }
        let usesBaseline = report.findings.contains { $0.isKnown }
        // Code scanning matches results across runs by fingerprint; identical findings in one
        // file are told apart by their order.
        var occurrences: [String: Int] = [:]
        let results = report.findings.map { finding in
            let key = finding.path + "\u{0}" + finding.fingerprint
            occurrences[key, default: 0] += 1
            return Result(ruleId: finding.ruleID, ruleIndex: index[finding.ruleID] ?? -1, level: finding.severity.rawValue,
                   message: Text(text: finding.help.map { "\(finding.message). \($0)" } ?? finding.message),
                   locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: uri(finding.path)),
                    region: Region(startLine: finding.location.line, startColumn: finding.location.column,
                                   endColumn: finding.location.column + finding.length)))],
                   partialFingerprints: ["guidekit/\(Fingerprint.version)": "\(finding.fingerprint):\(occurrences[key]!)"],
                   suppressions: suppressions(of: finding),
                   baselineState: usesBaseline ? (finding.isKnown ? "unchanged" : "new") : nil)
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)])
        return StableJSON.encode(log, orElse: "{}")
    }

    /// A relative URI with forward slashes and percent-encoding, as SARIF consumers expect.
    static func uri(_ path: String) -> String {
        var relative = path
        let cwd = FileManager.default.currentDirectoryPath + "/"
        if relative.hasPrefix(cwd) { relative.removeFirst(cwd.count) }
        while relative.hasPrefix("./") { relative.removeFirst(2) }
        return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
    }
}
