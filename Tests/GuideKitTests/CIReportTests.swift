import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideReports

/// Issue 26's report behaviours: baselined findings in SARIF (external suppressions, or left
/// out with --no-baselined), reviewdog's rdjsonl (UTF-8 byte columns, fixes as suggestions)
/// and GitLab Code Quality (one fingerprint per finding).
struct CIReportTests {
    /// A guide whose wrong client id is on a line holding non-ASCII text before it.
    static let guide = """
        ### Assumptions
        - Client ID: `app`

        ```yaml {guide="authelia-client"}
        - client_name: 'Café 🎉'
          client_id: 'other'
        - client_name: 'Café 🎉'
          client_id: 'other'
        ```

        """

    static func report(baseline: Baseline? = nil) -> CheckReport {
        let guide = parse(guide, path: "docs/app.md")
        var findings = Checker().run([guide]).findings.flatMap { $0 }
        if let baseline { findings = baseline.mark(findings) }
        return CheckReport(findings: findings, files: [guide.path], sources: [guide.path: guide.source], rules: RuleRegistry.all.map(\.description))
    }

    static func sarifResults(_ report: CheckReport) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.sarif.render(report).utf8)) as? [String: Any])
        return try #require((json["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    }

    @Test func baselinedFindingsAreExternallySuppressedInSARIFWithTheEntrysReason() throws {
        let plain = Self.report()
        let mismatches = plain.findings.filter { $0.ruleID == "client-secret-required" }
        #expect(mismatches.count == 2)
        var baseline = Baseline(findings: mismatches)
        #expect(baseline.entries.count == 1)  // one fingerprint, count 2
        let results = try Self.sarifResults(Self.report(baseline: baseline))
        let suppressed = results.filter { $0["ruleId"] as? String == "client-secret-required" }
        #expect(suppressed.count == 2)
        for result in suppressed {
            let suppression = try #require((result["suppressions"] as? [[String: Any]])?.first)
            #expect(suppression["kind"] as? String == "external")
            #expect(suppression["status"] as? String == "accepted")
            #expect(suppression["justification"] as? String == Baseline.defaultJustification)
            #expect(result["baselineState"] as? String == "unchanged")
        }
        // Findings outside the baseline stay open, marked new.
        let open = results.filter { $0["ruleId"] as? String != "client-secret-required" }
        #expect(!open.isEmpty && open.allSatisfy { $0["suppressions"] == nil && $0["baselineState"] as? String == "new" })
        // A reason written into the baseline is the justification, and a rewritten baseline keeps it.
        baseline.entries[0].reason = "the second client is a demo; tracked in #12"
        let marked = Self.report(baseline: baseline)
        let justified = try Self.sarifResults(marked).filter { $0["ruleId"] as? String == "client-secret-required" }
        #expect(justified.allSatisfy { ($0["suppressions"] as? [[String: Any]])?.first?["justification"] as? String == "the second client is a demo; tracked in #12" })
        #expect(Baseline(findings: marked.findings).entries.first { $0.rule == "client-secret-required" }?.reason == "the second client is a demo; tracked in #12")
    }

    @Test func rdjsonlCountsColumnsInUTF8BytesAndCarriesFixes() throws {
        let report = Self.report()
        let lines = ReportFormat.rdjsonl.render(report).split(separator: "\n")
        #expect(lines.count == report.active.count)
        let diagnostics = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let mismatch = try #require(diagnostics.first { ($0["code"] as? [String: Any])?["value"] as? String == "client-id-mismatch" })
        let range = try #require((mismatch["location"] as? [String: Any])?["range"] as? [String: [String: Int]])
        // "  client_id: 'other'": the value starts at scalar and byte column 14 (ASCII line).
        #expect(range["start"] == ["line": 6, "column": 14])
        let suggestion = try #require((mismatch["suggestions"] as? [[String: Any]])?.first)
        #expect(suggestion["text"] as? String == "app")
        #expect(mismatch["severity"] as? String == "ERROR")
        // On a line with 'é' (2 bytes) and '🎉' (4 bytes), byte columns run ahead of scalars.
        let line = "- client_name: 'Café 🎉' x"
        #expect(ReviewdogReporter.byteColumn(1, in: line) == 1)
        #expect(ReviewdogReporter.byteColumn(20, in: line) == 20)  // 'é' itself
        #expect(ReviewdogReporter.byteColumn(21, in: line) == 22)  // after 'é'
        #expect(ReviewdogReporter.byteColumn(22, in: line) == 23)  // the emoji
        #expect(ReviewdogReporter.byteColumn(25, in: line) == 29)  // 'x', after the emoji
        #expect(ReviewdogReporter.byteColumn(28, in: line) == 32)  // past the end: one byte each
    }

    @Test func codeQualityGivesEachFindingItsOwnFingerprint() throws {
        let report = Self.report()
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormat.codequality.render(report).utf8)) as? [[String: Any]])
        #expect(issues.count == report.active.count)
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        #expect(Set(fingerprints).count == issues.count, "identical findings must not collapse into one")
        for issue in issues {
            #expect(["major", "minor"].contains(issue["severity"] as? String))
            let location = try #require(issue["location"] as? [String: Any])
            #expect(location["path"] as? String == "docs/app.md")
            #expect(((location["lines"] as? [String: Any])?["begin"] as? Int).map { $0 >= 1 } == true)
        }
        #expect(issues.contains { $0["check_name"] as? String == "client-id-mismatch" && $0["severity"] as? String == "major" })
    }
}

extension CommandLineTests {
    /// `--no-baselined` leaves baselined findings out of SARIF; without it they are there,
    /// suppressed (issue 26).
    @Test func noBaselinedLeavesBaselinedFindingsOutOfSARIF() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("g.md", Data(CIReportTests.guide.utf8))
        let baseline = folder.url.appendingPathComponent("b.json").path
        #expect(try run(["check", path, "--write-baseline", baseline]).status == 0)
        let count = { (arguments: [String]) throws -> (all: Int, suppressed: Int) in
            let result = try self.run(["check", path, "--baseline", baseline, "--format", "sarif"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let results = try #require((json["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            return (results.count, results.filter { $0["suppressions"] != nil }.count)
        }
        let with = try count([])
        #expect(with.all > 0 && with.suppressed == with.all)
        #expect(try count(["--no-baselined"]) == (0, 0))
    }
}
