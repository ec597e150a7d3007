import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports
@testable import guidekit

/// Shards, baselines, suppressions and --changed-since (in a git repository the test makes).
struct CIOptionTests {
    @Test func shardsPartitionTheGuides() throws {
        let files = (1...23).map { "docs/guide\($0).md" }.shuffled()
        var seen: [String] = []
        for index in 1...4 {
            let shard = try #require(Shard("\(index)/4"))
            let part = shard.select(files)
            #expect(part == shard.select(files.shuffled()))  // the same on every runner
            seen += part
        }
        #expect(seen.sorted() == files.sorted())
        #expect(Shard("0/4") == nil && Shard("5/4") == nil && Shard("1/0") == nil && Shard("x") == nil)
    }

    @Test func baselineMarksKnownFindingsByFingerprintNotLineOrWording() {
        func finding(_ line: Int, _ subject: String, _ message: String = "old wording") -> Finding {
            Finding(path: "a.md", location: SourceLocation(line: line, column: 1), severity: .error, ruleID: "r",
                    message: message, subject: subject)
        }
        let baseline = Baseline(findings: [finding(3, "'pve'"), finding(9, "'pve'")])
        #expect(baseline.entries == [Baseline.Entry(file: "a.md", rule: "r", fingerprint: Fingerprint.of(ruleID: "r", subject: "'pve'"),
                                                    message: "old wording", count: 2)])
        // Lines moved and the message reworded: still known. A third occurrence and another
        // subject are new.
        let marked = baseline.mark([finding(5, "'pve'", "new wording"), finding(12, "'pve'"), finding(20, "'pve'"), finding(21, "'app'")])
        #expect(marked.map(\.isKnown) == [true, true, false, false])
        let decoded = try? Baseline.decode(Data(baseline.encoded().utf8), path: "b.json")
        #expect(decoded == baseline)
        #expect(throws: InputError.self) { try Baseline.decode(Data("[]".utf8), path: "b.json") }
    }

    /// A baseline written with another fingerprint scheme matches nothing: its entries are
    /// stale, never silently matched to findings whose fingerprints mean something else.
    @Test func aBaselineOfAnotherFingerprintSchemeMatchesNothing() throws {
        let finding = Finding(path: "a.md", location: SourceLocation(line: 1, column: 1), severity: .error, ruleID: "r",
                              message: "m", subject: "x")
        let current = Baseline(findings: [finding])
        #expect(current.encoded().contains("\"fingerprint_scheme\" : \"\(Fingerprint.version)\""), "\(current.encoded())")
        #expect(current.mark([finding]).map(\.isKnown) == [true])
        let fingerprint = Fingerprint.of(ruleID: "r", subject: "x")
        let written = #"{"version": 2, "fingerprint_scheme": "v0", "entries": [{"file": "a.md", "rule": "r", "fingerprint": "FP", "message": "m", "count": 1}]}"#
        let old = try Baseline.decode(Data(written.replacingOccurrences(of: "FP", with: fingerprint).utf8), path: "b.json")
        #expect(old.mark([finding]).map(\.isKnown) == [false])
        #expect(old.stale(after: [finding], checked: ["a.md"]).count == 1)
        // Without the field, a version 2 file is of scheme v1 (what GuideKit wrote before).
        let unmarked = try Baseline.decode(Data(written.replacingOccurrences(of: "\"fingerprint_scheme\": \"v0\", ", with: "")
            .replacingOccurrences(of: "FP", with: fingerprint).utf8), path: "b.json")
        #expect(unmarked.mark([finding]).map(\.isKnown) == [Fingerprint.version == "v1"])
    }

    @Test func versionOneBaselinesStillMatchByMessage() throws {
        let v1 = #"{"version": 1, "entries": [{"file": "a.md", "rule": "r", "message": "old wording", "count": 1}]}"#
        let baseline = try Baseline.decode(Data(v1.utf8), path: "b.json")
        let finding = Finding(path: "a.md", location: SourceLocation(line: 1, column: 1), severity: .error, ruleID: "r",
                              message: "old wording", subject: "x")
        #expect(baseline.mark([finding]).map(\.isKnown) == [true])
    }

    @Test func fingerprintsComeFromRuleAndSubject() {
        let text = MarkedText("### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: ↓'pve'\n```\n")
        let before = findings(text.text).first { $0.ruleID == "client-id-mismatch" }
        // Two lines more above it: same fingerprint.
        let after = findings("\n\n" + text.text).first { $0.ruleID == "client-id-mismatch" }
        #expect(before?.subject == "client pve: pve")
        #expect(before?.fingerprint == after?.fingerprint)
        #expect(before?.fingerprint == Fingerprint.of(ruleID: "client-id-mismatch", subject: "client pve: pve"))
        #expect(Fingerprint.of(ruleID: "r", subject: "a") != Fingerprint.of(ruleID: "r", subject: "b"))
        #expect(Fingerprint.of(ruleID: "r", subject: "a").count == 16)
    }

    @Test func aSecretNeverBecomesAFingerprintSubject() {
        let text = "### Assumptions\n- Client Secret: `insecure_secret`\n\n### Application\n\n- Client Secret: `other_secret_value`\n"
        let found = findings(text).filter { $0.ruleID == "app-setting-mismatch" }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.subject == "(secret)" })
    }

    @Test func suppressedFindingsDoNotCount() {
        let text = """
            ### Assumptions
            - Client ID: `app`

            <!-- guidekit-disable client-id-mismatch: shows a wrong client on purpose -->
            ```yaml {guide="authelia-client"}
            - client_id: 'wrong'
              public: true
            ```
            """
        let found = findings(text)
        let mismatch = found.first { $0.ruleID == "client-id-mismatch" }
        #expect(mismatch?.suppression == "shows a wrong client on purpose")
        #expect(mismatch?.isActive == false)
        #expect(!CheckReport(findings: found, files: ["test.md"], sources: [:], rules: []).hasErrors)
    }

    @Test func changedSinceAsksGit() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-C", root, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
            process.standardOutput = Pipe()
            process.standardError = Pipe()
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        let guide = "### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'app'\n  public: true\n```\n"
        for name in ["docs/a.md", "docs/b.md", "docs/grafana.md"] { _ = try folder.write(name, Data(guide.utf8)) }
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "first")
        // Change a, add c (untracked), touch nothing else.
        _ = try folder.write("docs/a.md", Data((guide + "\nMore.\n").utf8))
        _ = try folder.write("docs/c.md", Data(guide.utf8))
        let changed = try GitChanges.files(since: "HEAD", in: root)
        let files = ["docs/a.md", "docs/b.md", "docs/c.md", "docs/grafana.md"].map { root + "/" + $0 }
        let profiles = try ProfileLoader.bundledResult.get()
        let selected = ChangedGuides.select(files, changed: changed, profiles: profiles) { _ in nil }
        #expect(selected.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.md", "c.md"])
        // A changed profile brings in the guides that use it.
        let grafana = try #require(profiles.first { $0.id == "grafana" })
        let withProfile = ChangedGuides.select(files, changed: changed.union([grafana.file]), profiles: profiles) { path in
            path.hasSuffix("grafana.md") ? "grafana" : nil
        }
        #expect(withProfile.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.md", "c.md", "grafana.md"])
        // A changed site file brings in every guide.
        _ = try folder.write("docs/sites/example.yml", Data("client_id: x\n".utf8))
        let all = ChangedGuides.select(files, changed: try GitChanges.files(since: "HEAD", in: root), profiles: profiles) { _ in nil }
        #expect(all.count == 4)
        #expect(throws: GitChanges.GitError.self) { try GitChanges.files(since: "no-such-rev", in: root) }
    }
}
