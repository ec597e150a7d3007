import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// docs/rules/ is generated from the rules (`guidekit rules --markdown docs/rules`): a page
/// per rule and an index, committed so SARIF's helpUri links resolve. Stale pages fail here.
struct RulePageTests {
    @Test func committedPagesMatchTheRules() throws {
        let folder = ProjectFiles.root.appendingPathComponent("docs/rules")
        let rules = RuleRegistry.all.map(\.description)
        var expected = Dictionary(uniqueKeysWithValues: rules.map { ("\($0.id).md", RulePage.markdown(for: $0)) })
        expected["README.md"] = RulePage.index(rules)
        let committed = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
        #expect(Set(committed) == Set(expected.keys), "run: swift run guidekit rules --markdown docs/rules")
        for (name, text) in expected {
            let onDisk = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(onDisk == text, "docs/rules/\(name) is stale: run swift run guidekit rules --markdown docs/rules")
        }
    }

    /// Every SARIF rule links to its page, for this release.
    @Test func sarifRulesHaveHelpURIs() throws {
        let report = CheckReport(findings: [], files: [], sources: [:], rules: RuleRegistry.all.map(\.description))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.sarif.render(report).utf8)) as? [String: Any])
        let runs = try #require(json["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.all.count)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            #expect(rule["helpUri"] as? String == "https://github.com/guidekit/guidekit/blob/v\(GuideKitVersion.current)/docs/rules/\(id).md")
        }
    }
}
