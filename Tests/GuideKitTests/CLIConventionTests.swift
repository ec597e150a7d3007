import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports
@testable import guidekit

/// Conventions of a command-line tool people adopt: excludes, strict mode, typos, version.
struct CLIConventionTests {
    @Test func globsMatchNamesAnywhereAndPathsFromTheTop() {
        #expect(PathGlob("CHANGELOG.md").matches("docs/a/CHANGELOG.md"))
        #expect(!PathGlob("CHANGELOG.md").matches("docs/a/guide.md"))
        #expect(PathGlob("docs/reference/**").matches("docs/reference/x/y.md"))
        #expect(!PathGlob("docs/reference/**").matches("docs/guides/y.md"))
        #expect(PathGlob("docs/**/draft-*.md").matches("docs/a/b/draft-1.md"))
        #expect(PathGlob("docs/**/draft-*.md").matches("docs/draft-1.md"))
        #expect(PathGlob("*.md").matches("./x.md"))
    }

    @Test func excludedFilesAreNotRead() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("docs/guides/a.md", Data("# a\n".utf8))
        _ = try folder.write("docs/reference/b.md", Data("# b\n".utf8))
        let input = GuideInput(exclude: [PathGlob("**/reference/**")])
        let found = input.files(in: [folder.url.path]).files.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(found == ["a.md"])
    }

    @Test func mistypedCommandsGetASuggestion() {
        #expect(GuideKitCommand.mistypedSubcommand(["chek", "docs"])?.suggestion == "check")
        #expect(GuideKitCommand.mistypedSubcommand(["check", "docs"]) == nil)
        #expect(GuideKitCommand.mistypedSubcommand(["--version"]) == nil)
    }

    @Test func oneVersionEverywhere() {
        #expect(SARIFReporter.toolVersion == GuideKitVersion.current)
        #expect(GuideKitCommand.configuration.version == GuideKitVersion.current)
    }
}

/// Standard input, --quiet and --verbose, through the real executable.
extension CommandLineTests {
    static let mismatched = "### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'wrong'\n  public: true\n  authorization_policy: 'one_factor'\n  redirect_uris: ['https://app.example.com/cb']\n```\n"

    @Test func standardInputIsAGuideNamedByStdinFilename() throws {
        let named = try run(["check", "-", "--stdin-filename", "docs/guides/app.md"], input: Self.mismatched)
        #expect(named.status == 1)
        #expect(named.stdout.contains("docs/guides/app.md:5:14: error: client_id 'wrong'"), "\(named.stdout)")
        let unnamed = try run(["check", "-", "--format", "json"], input: Self.mismatched)
        #expect(unnamed.stdout.contains("\"file\" : \"<stdin>\""))
        // The profile is matched by the given name, as for a file of that name.
        let proxmox = try String(contentsOf: ProjectFiles.root.appendingPathComponent("docs/guides/proxmox.md"), encoding: .utf8)
        #expect(try run(["check", "-", "--stdin-filename", "proxmox.md"], input: proxmox).status == 0)
        let binary = try run(["check", "-"], input: "a\u{0}b")
        #expect(binary.status == 2 && binary.stderr.contains("<stdin>:1:2: binary file"), "\(binary.stderr)")
    }

    @Test func quietReportsErrorsOnlyAndStrictStillCounts() throws {
        let folder = try TemporaryFolder()
        // An unknown directive (warning) and a mismatched client id (error).
        let path = try folder.write("g.md", Data(("<!-- guidekit-disabel x -->\n\n" + Self.mismatched).utf8))
        let quiet = try run(["check", path, "--quiet"])
        #expect(quiet.stdout.contains("error:") && !quiet.stdout.contains("warning:"), "\(quiet.stdout)")
        let warningOnly = try folder.write("w.md", Data("<!-- guidekit-disabel x -->\n\n# T\n".utf8))
        #expect(try run(["check", warningOnly, "--quiet"]).status == 0)
        #expect(try run(["check", warningOnly, "--quiet", "--strict"]).status == 1)
    }

    @Test func verboseListsWhatChangedSinceSelected() throws {
        let (folder, root) = try Self.repositoryWithTwoGuides()
        func git(_ arguments: [String]) throws { try Self.git(arguments, in: root) }
        _ = try folder.write("docs/b.md", Data("# B changed\n".utf8))
        let result = try run(["check", "docs", "--changed-since", "HEAD", "--verbose"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("guidekit: --changed-since HEAD selected 1 of 2 guide(s):\n  docs/b.md\n"), "\(result.stderr)")
    }

    /// A git repository (branch `main`) with docs/a.md and docs/b.md committed.
    static func repositoryWithTwoGuides() throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        _ = try folder.write("docs/a.md", Data("# A\n".utf8))
        _ = try folder.write("docs/b.md", Data("# B\n".utf8))
        for arguments in [["init", "-q", "-b", "main"], ["add", "."], ["commit", "-qm", "first"]] { try git(arguments, in: root) }
        return (folder, root)
    }

    /// Runs git in a test repository, with a committer identity of its own.
    static func git(_ arguments: [String], in root: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", root, "-c", "user.name=t", "-c", "user.email=t@example.com"] + arguments
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    /// `--changed-since main` on a branch selects what the branch changed since it left main
    /// (the merge base), not what main changed since (issue 26).
    @Test func changedSinceComparesWithTheMergeBase() throws {
        let (folder, root) = try Self.repositoryWithTwoGuides()
        func git(_ arguments: [String]) throws { try Self.git(arguments, in: root) }
        try git(["checkout", "-qb", "topic"])
        _ = try folder.write("docs/a.md", Data("# A on the branch\n".utf8))
        try git(["commit", "-qam", "branch"])
        try git(["checkout", "-q", "main"])
        _ = try folder.write("docs/b.md", Data("# B on main\n".utf8))
        try git(["commit", "-qam", "main moves on"])
        try git(["checkout", "-q", "topic"])
        let result = try run(["check", "docs", "--changed-since", "main", "--verbose"], in: root)
        #expect(result.stderr.contains("selected 1 of 2 guide(s):\n  docs/a.md\n"), "\(result.stderr)")
    }

    /// `baseline:` may name a file that does not exist yet: the run counts every finding
    /// and says so, and `--write-baseline` creates it (issue 26).
    @Test func aConfiguredBaselineMayNotExistYet() throws {
        let folder = try TemporaryFolder()
        let root = folder.url.path
        _ = try folder.write("docs/app.md", Data("### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'other'\n```\n".utf8))
        _ = try folder.write(".guidekit.yml", Data("paths: [docs]\nbaseline: .guidekit-baseline.json\n".utf8))
        let first = try run(["check"], in: root)
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stderr.contains("the baseline .guidekit-baseline.json does not exist yet"), "\(first.stderr)")
        let written = try run(["check", "--write-baseline", ".guidekit-baseline.json"], in: root)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try run(["check"], in: root).status == 0)
    }
}

extension CommandLineTests {
    /// File-system errors name the path and the reason in plain words, never Foundation's.
    @Test func unwritableOutputsNameThePathAndReason() throws {
        let guide = ProjectFiles.root.appendingPathComponent("docs/guides/proxmox.md").path
        for arguments in [["check", guide, "--report", "sarif=/nonexistent/x.sarif"],
                          ["check", guide, "--write-baseline", "/nonexistent/b.json"],
                          ["rules", "--markdown", "/proc/guidekit-rules"]] {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("guidekit: error: /"), "\(result.stderr)")
            #expect(result.stderr.contains("(No such file or directory)"), "\(result.stderr)")
            #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("The operation could not be completed"))
        }
    }
}
