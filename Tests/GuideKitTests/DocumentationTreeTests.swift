import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge

/// `check` over a documentation tree shaped like Authelia's (Fixtures/doctree): integration
/// guides are held to every rule, reference pages, a blog post and a changelog with partial
/// snippets only to the rules that make sense for them.
@Suite struct DocumentationTreeTests {
    static let root = ProjectFiles.root.appendingPathComponent("Tests/GuideKitTests/Fixtures/doctree").path

    static func guides() throws -> [Guide] {
        let (files, errors) = GuideFinder.markdownFiles(in: [root])
        #expect(errors.isEmpty)
        return try files.map { GuideParser.parse(path: $0, text: try String(contentsOfFile: $0, encoding: .utf8)) }
    }

    static func relative(_ path: String) -> String { String(path.dropFirst(root.count + 1)) }

    @Test func onlyTheGuidesHaveFindingsAndTheirOwn() throws {
        let guides = try Self.guides()
        let run = Checker().run(guides)
        var byFile: [String: [String]] = [:]
        for (guide, findings) in zip(guides, run.findings) {
            byFile[Self.relative(guide.path)] = findings.map { "\($0.ruleID)@\($0.location.line)" }
        }
        #expect(byFile == [
            "CHANGELOG.md": [],
            "content/blog/release-notes-4.39/index.md": [],
            "content/configuration/identity-providers/openid-connect/clients.md": [],
            "content/integration/openid-connect/clients/acme-wiki/index.md": [],
            "content/integration/openid-connect/clients/grafana/index.md": ["sitevar-default-mismatch@62"],
            "content/overview/introduction.md": [],
        ])
        let classes = Dictionary(uniqueKeysWithValues: run.summaries.map { (Self.relative($0.path), $0.page.pageClass) })
        #expect(classes.filter { $0.value == .guide }.keys.sorted() == [
            "content/integration/openid-connect/clients/acme-wiki/index.md",
            "content/integration/openid-connect/clients/grafana/index.md",
        ])
    }

    /// The class is what spares the reference pages: held to every rule, their partial
    /// snippets are reported as a guide's would be.
    @Test func referencePagesHeldAsGuidesWouldFail() throws {
        let guides = try Self.guides().filter { $0.path.contains("/configuration/") }
        var checker = Checker()
        checker.pathOverrides = [PathOverride(files: [PathGlob("**/configuration/**")], page: .guide)]
        let rules = Set(checker.run(guides).findings.flatMap { $0 }.map(\.ruleID))
        #expect(rules.isSuperset(of: ["missing-assumptions", "client-secret-required"]))
        #expect(checker.run(guides).summaries.map(\.page.reason) == ["set by .guidekit.yml overrides"])
    }

    @Test func overridesTuneOneFolder() throws {
        let config = try ConfigFile.parse("""
            overrides:
              - files: ['content/integration/**']
                severity:
                  sitevar-default-mismatch: warning
              - files: ['content/integration/openid-connect/clients/grafana/**']
                disable: [sitevar-default-mismatch]
              - files: [CHANGELOG.md]
                page: guide
            """, path: Self.root + "/.guidekit.yml")
        #expect(config.overrides.count == 3)
        var checker = Checker()
        checker.pathOverrides = config.overrides
        let guides = try Self.guides()
        let run = checker.run(guides)
        let findings = run.findings.flatMap { $0 }
        #expect(!findings.contains { $0.ruleID == "sitevar-default-mismatch" })
        // Only the second entry disables it: without it, the first makes it a warning.
        checker.pathOverrides = Array(config.overrides.prefix(1))
        #expect(checker.run(guides).findings.flatMap { $0 }.filter { $0.ruleID == "sitevar-default-mismatch" }.map(\.severity) == [.warning])
        // The changelog, set to be a guide, is held to the completeness rules.
        let changelog = zip(guides, run.findings).first { $0.0.path.hasSuffix("CHANGELOG.md") }!.1
        #expect(changelog.contains { $0.ruleID == "missing-assumptions" })
    }

    @Test(arguments: [
        ("overrides: {files: x}\n", "c.yml:1:12: 'overrides' is a list of entries such as '- files: [docs/reference/**]'"),
        ("overrides:\n  - page: reference\n", "c.yml:2:5: this 'overrides' entry has no 'files' (the globs it applies to)"),
        ("overrides:\n  - files: [a]\n    page: blog\n", "c.yml:3:11: 'page' is one of 'guide', 'reference'"),
        ("overrides:\n  - files: [a]\n    disabel: [x]\n", "c.yml:3:5: unknown key 'disabel' — did you mean 'disable'?"),
    ])
    func overrideProblemsNameThePlace(text: String, expected: String) {
        do {
            _ = try ConfigFile.parse(text, path: "c.yml")
            Issue.record("accepted: \(text)")
        } catch {
            #expect("\(error)".hasPrefix(expected), "\(error)")
        }
    }

    @Test func frontMatterSetsTheClass() {
        let text = "---\nguidekit_page: reference\n---\n\n### Assumptions\n\n- Client ID: `app`\n\n```yaml\nclients:\n  - client_id: 'app'\n    public: false\n```\n"
        let context = CheckContext(guide: parse(text))
        #expect(context.page.pageClass == .reference)
        #expect(Checker().check(context).isEmpty)
        #expect(Checker().check(CheckContext(guide: parse(text.replacingOccurrences(of: "reference", with: "guide"))))
            .contains { $0.ruleID == "client-secret-required" })
    }

    /// Every guide among the project's fixtures and docs, and each of them with its lists,
    /// tables and code blocks turned to nothing (prose only): a guide from which nothing
    /// checkable was read is never clean.
    @Test func noGuideIsCleanWhileNothingWasRead() throws {
        let folders = ["Tests/GuideKitTests/Fixtures", "docs"].map { ProjectFiles.root.appendingPathComponent($0).path }
        let (files, _) = GuideFinder.markdownFiles(in: folders)
        var guides: [Guide] = []
        for file in files {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            guides.append(GuideParser.parse(path: file, text: text))
            let prose = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
                let trimmed = line.drop { $0 == " " }
                let listed = trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("|")
                    || (trimmed.first?.isNumber == true && trimmed.contains(". "))
                return listed ? "" : line
            }.joined(separator: "\n").replacingOccurrences(of: "```", with: "\n")
            guides.append(GuideParser.parse(path: file + ".prose.md", text: prose))
        }
        let run = Checker().run(guides)
        var emptyGuides = 0
        for (summary, findings) in zip(run.summaries, run.findings) where summary.page.pageClass == .guide && !summary.isCheckable {
            emptyGuides += 1
            #expect(findings.contains { $0.ruleID == "guide-unread" && $0.severity == .error }, "\(summary.path) passed with nothing read")
        }
        #expect(emptyGuides > 0, "the prose versions include guides that keep their Tested Versions")
    }
}
