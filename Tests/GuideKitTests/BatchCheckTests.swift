import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports
@testable import guidekit

/// Checking in batches (flat memory) gives exactly the report of checking all at once.
struct BatchCheckTests {
    @Test func batchesDoNotChangeTheReport() throws {
        let folder = try TemporaryFolder()
        let fixtures = ProjectFiles.root.appendingPathComponent("Tests/GuideKitTests/Fixtures/ci")
        var files: [String] = []
        for name in ["broken.md", "clean.md"] {
            let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
            for copy in 1...3 { files.append(try folder.write("\(copy)-\(name)", Data(text.utf8))) }
        }
        files.append(try folder.write("proxmox.md", Data(try ProjectFiles.text("docs/guides/proxmox.md").utf8)))
        let whole = BatchCheck(checker: Checker(), batchSize: 1000).run(files: files)
        var calls: [(Int, Int)] = []
        let small = BatchCheck(checker: Checker(), batchSize: 2).run(files: files) { calls.append(($0, $1)) }
        #expect(small.report.findings == whole.report.findings)
        #expect(!whole.report.findings.isEmpty)
        #expect(calls.map(\.0) == [2, 4, 6, 7] && calls.allSatisfy { $0.1 == 7 })
        var (smallReport, wholeReport) = (small.report, whole.report)
        (smallReport.seconds, wholeReport.seconds) = (0, 0)  // JUnit prints the time taken
        for format in ReportFormat.allCases {
            #expect(format.render(smallReport) == format.render(wholeReport), "\(format)")
        }
        // The kept lines give the same text as the sources themselves.
        let guides = files.map { parse(try! String(contentsOfFile: $0, encoding: .utf8), path: $0) }
        let direct = Checker().run(guides)
        var report = CheckReport(findings: direct.findings.flatMap { $0 }, files: files,
                                 sources: Dictionary(uniqueKeysWithValues: guides.map { ($0.path, $0.source) }),
                                 rules: RuleRegistry.all.map(\.description))
        report.secrets = Dictionary(uniqueKeysWithValues: zip(files, direct.secrets))
        #expect(TextReporter().render(report) == TextReporter().render(whole.report))
        // One digest shared by every copy: computed once in the whole run.
        #expect(small.statistics.computedVerifications == whole.statistics.computedVerifications)
    }

    @Test func progressLine() {
        let line = ProgressBar.line(label: "check", done: 250, total: 1000, elapsed: 5)
        #expect(line == "check [######------------------] 250/1000  50.0/s  ETA 15 s")
    }
}
