import Foundation
import Testing
@testable import GuideKit
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

    @Test func baselineMarksKnownFindingsByFileRuleAndMessage() {
        func finding(_ line: Int, _ message: String) -> Finding {
            Finding(path: "a.md", location: SourceLocation(line: line, column: 1), severity: .error, ruleID: "r", message: message)
        }
        let baseline = Baseline(findings: [finding(3, "old"), finding(9, "old")])
        #expect(baseline.entries == [Baseline.Entry(file: "a.md", rule: "r", message: "old", count: 2)])
        // Lines moved: still known. A third occurrence and a new message are new.
        let marked = baseline.mark([finding(5, "old"), finding(12, "old"), finding(20, "old"), finding(21, "new")])
        #expect(marked.map(\.isKnown) == [true, true, false, false])
        let decoded = try? Baseline.decode(Data(baseline.encoded().utf8), path: "b.json")
        #expect(decoded == baseline)
        #expect(throws: InputError.self) { try Baseline.decode(Data("[]".utf8), path: "b.json") }
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
        #expect(!CheckReport(findings: found, files: ["test.md"], sources: [:]).hasErrors)
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
