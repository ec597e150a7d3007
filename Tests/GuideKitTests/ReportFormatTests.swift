import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Golden output for every `check` format on a fixture set. The fixtures carry errors, a
/// warning, a suppressed finding and characters that need escaping in every format.
/// To refresh after an intended change: GUIDEKIT_UPDATE_GOLDEN=1 swift test --filter ReportFormatTests
struct ReportFormatTests {
    static let fixtures = ProjectFiles.root.appendingPathComponent("Tests/GuideKitTests/Fixtures/ci")

    /// Checked with stable relative paths, so the golden files do not depend on the clone.
    static func report() throws -> CheckReport {
        let names = ["broken.md", "clean.md"]
        var guides: [Guide] = []
        for name in names {
            let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            guides.append(parse(text, path: "fixtures/\(name)"))
        }
        let run = Checker().run(guides)
        var report = CheckReport(findings: run.findings.flatMap { $0 }, files: guides.map(\.path),
                                 sources: Dictionary(uniqueKeysWithValues: guides.map { ($0.path, $0.source) }), seconds: 0,
                                 rules: RuleRegistry.all.map(\.description))
        report.summaries = run.summaries
        return report
    }

    @Test(arguments: ReportFormat.allCases)
    func formatMatchesGoldenFile(_ format: ReportFormat) throws {
        let output = format.render(try Self.report(), fullReport: format == .github ? "guidekit.sarif" : nil)
        let golden = Self.fixtures.appendingPathComponent("expected/report.\(format.rawValue)")
        if ProcessInfo.processInfo.environment["GUIDEKIT_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try output.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(output == expected, "output differs from \(golden.path)")
    }

    @Test func sarifIsStructurallyComplete() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.sarif.render(try Self.report()).utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.count == RuleRegistry.all.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 8)  // 7 active (2 of them: no application profile matches) + 1 suppressed
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.count == 1)
        #expect(((suppressed[0]["suppressions"] as? [[String: Any]])?.first?["justification"] as? String)?.contains("on purpose") == true)
    }

    @Test func junitHasOneCasePerGuideAndOneFailurePerError() throws {
        let xml = ReportFormat.junit.render(try Self.report())
        let document = try XMLDocument(xmlString: xml)
        let cases = try document.nodes(forXPath: "//testsuite/testcase")
        #expect(cases.count == 2)
        let failures = try document.nodes(forXPath: "//testcase[@name='fixtures/broken.md']/failure")
        #expect(failures.count == 4)
        #expect(try document.nodes(forXPath: "//testcase[@name='fixtures/clean.md']/failure").isEmpty)
        #expect(try document.nodes(forXPath: "//testsuite/@failures").first?.stringValue == "4")
    }

    @Test func githubAnnotationsAreCappedWithASummary() {
        let findings = (1...25).map { index in
            Finding(path: "a,b:c.md", location: SourceLocation(line: index, column: 1), severity: .error, ruleID: "r",
                    message: "100% wrong\nline two")
        }
        let output = GitHubReporter(fullReportLocation: "out.sarif").render(CheckReport(findings: findings, files: ["a,b:c.md"], sources: [:], rules: []))
        let annotations = output.split(separator: "\n").filter { $0.hasPrefix("::error ") }
        #expect(annotations.count == 10)
        #expect(annotations[0].hasPrefix("::error file=a%2Cb%3Ac.md,line=1,col=1,endColumn=2,title=r::100%25 wrong%0Aline two"))
        #expect(output.contains("::notice title=guidekit::15 more finding(s) are not shown as annotations"))
        #expect(output.contains("the full report is in out.sarif"))
        // Every finding is still in the log.
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("a,b:c.md:") }.count == 25)
    }
}
